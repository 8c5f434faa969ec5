import { IconButton } from '../../../components/ui/IconButton';
import { CloseIcon } from '../../../components/ui/Icons';
/** The ✕ that removes one row of a list field; its name says which row. */
export function RemoveRowButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <IconButton label={label} onClick={onClick}>
      <CloseIcon />
    </IconButton>
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
