export interface Column<K extends string> {
  label: string;
  sortKey?: K;
  className: string;
  /** Read out but not shown (the row actions' column). */
  hideLabel?: boolean;
}

interface SortHeaderCellsProps<K extends string> {
  columns: Column<K>[];
  sort: { key: K; dir: 'asc' | 'desc' };
  onSort(key: K): void;
}

/** A sortable table's column headers: the sortable ones are buttons with the direction shown. */
export function SortHeaderCells<K extends string>({ columns, sort, onSort }: SortHeaderCellsProps<K>) {
  return (
    <>
      {columns.map((col) => {
        const sorted = col.sortKey !== undefined && sort.key === col.sortKey;
        return (
          <div
            key={col.label}
            role="columnheader"
            className={`ctable-cell ${col.className}`}
            aria-sort={sorted ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
          >
            {col.sortKey ? (
              <button
                type="button"
                className={`sort-button${sorted ? ' is-sorted' : ''}`}
                onClick={() => col.sortKey && onSort(col.sortKey)}
              >
                {col.label}
                <span className="sort-arrow" aria-hidden="true">
                  {sorted ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                </span>
              </button>
            ) : col.hideLabel ? (
              <span className="visually-hidden">{col.label}</span>
            ) : (
              col.label
            )}
          </div>
        );
      })}
    </>
  );
}
