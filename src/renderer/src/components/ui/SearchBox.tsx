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
