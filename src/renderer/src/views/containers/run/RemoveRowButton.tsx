/** The ✕ that removes one row of a list field; its name says which row. */
export function RemoveRowButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <button type="button" className="icon-button" aria-label={label} onClick={onClick}>
      <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
        <path d="M3.5 3.5l9 9m0-9l-9 9" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
    </button>
  );
}

/** Messages of one row, each with the id its input points to. */
export function RowErrors({ items }: { items: Array<[id: string, message: string | undefined]> }) {
  return (
    <>
      {items.map(([id, message]) =>
        message ? (
          <p key={id} id={`${id}-error`} className="field-error">
            {message}
          </p>
        ) : null,
      )}
    </>
  );
}
