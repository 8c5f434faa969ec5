/** A row's name as the way to its details page; its accessible name is "Details of <name>". */
export function DetailsLink({ name, title, onOpen }: { name: string; title?: string; onOpen(): void }) {
  return (
    <button
      type="button"
      className="link-button"
      aria-label={`Details of ${name}`}
      title={title}
      onClick={onOpen}
    >
      {name}
    </button>
  );
}
