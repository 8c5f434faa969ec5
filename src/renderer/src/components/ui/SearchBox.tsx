import { useId } from 'react';
import { SearchIcon } from './Icons';

export interface SearchBoxProps {
  label: string;
  placeholder: string;
  value: string;
  onChange(value: string): void;
  /** Extra class on the wrapper (its width in a toolbar). */
  className?: string;
  maxLength?: number;
}

/** A search field with a magnifier; Escape clears it. */
export function SearchBox({ label, placeholder, value, onChange, className, maxLength }: SearchBoxProps) {
  const id = useId();
  return (
    <div className={className ? `search ${className}` : 'search'}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <SearchIcon />
      <input
        id={id}
        type="search"
        className="input search-input"
        placeholder={placeholder}
        value={value}
        {...(maxLength !== undefined ? { maxLength } : {})}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value) {
            e.preventDefault();
            onChange('');
          }
        }}
      />
    </div>
  );
}

/** The Refresh button every resource toolbar has. */
export function RefreshButton({ loading, onClick }: { loading: boolean; onClick(): void }) {
  return (
    <button
      type="button"
      className="button"
      onClick={onClick}
      disabled={loading}
      aria-busy={loading || undefined}
    >
      {loading ? (
        <span className="spinner" aria-hidden="true" />
      ) : (
        <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
          <path
            d="M12.8 8A4.8 4.8 0 1 1 11.4 4.6M12.2 2.2v3h-3"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      )}
      Refresh
    </button>
  );
}
