import { useId } from 'react';

/** The containers search field; Escape clears it. */
export function SearchBox({ search, onSearch }: { search: string; onSearch(q: string): void }) {
  const id = useId();
  return (
    <div className="search">
      <label htmlFor={id} className="visually-hidden">
        Search containers
      </label>
      <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" className="search-icon">
        <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M10.5 10.5L14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      <input
        id={id}
        type="search"
        className="input search-input"
        placeholder="Name, image, ID, label"
        value={search}
        onChange={(e) => onSearch(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && search) {
            e.preventDefault();
            onSearch('');
          }
        }}
      />
    </div>
  );
}
