import { useId } from 'react';

export interface SearchBoxProps {
  label: string;
  placeholder: string;
  value: string;
  onChange(value: string): void;
  /** Extra class for the box (its width in a toolbar). */
  className?: string;
}

/** A search field with a magnifier; Escape clears it. */
export function SearchBox({ label, placeholder, value, onChange, className }: SearchBoxProps) {
  const id = useId();
  return (
    <div className={className ? `search ${className}` : 'search'}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" className="search-icon">
        <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M10.5 10.5L14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      <input
        id={id}
        type="search"
        className="input search-input"
        placeholder={placeholder}
        value={value}
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
