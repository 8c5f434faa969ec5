import type { PropsWithChildren } from 'react';

/** Children: the page's badges, status and actions after the title. */
type DetailsHeaderProps = PropsWithChildren<{
  /** The list it came from ("Volumes"): the back button reads "← Volumes". */
  back: string;
  onBack(): void;
  title: string;
  /** Extra classes of the title (`truncate`, `mono`). */
  titleClassName?: string;
}>;

/** The header of one resource's page: back to its list, its name, then the page's badges and actions. */
export function DetailsHeader({ back, onBack, title, titleClassName, children }: DetailsHeaderProps) {
  return (
    <header className="details-header">
      <button type="button" className="button button-small" onClick={onBack}>
        ← {back}
      </button>
      <h2 className={titleClassName ? `details-title ${titleClassName}` : 'details-title'}>{title}</h2>
      {children}
    </header>
  );
}
