import type { ReactNode } from 'react';

export interface DetailsHeaderProps {
  /** The list it goes back to: the button reads "← Containers". */
  back: string;
  onBack(): void;
  title: ReactNode;
  /** Extra classes of the title (`truncate` for a long name, `mono` for an image reference). */
  titleClassName?: string;
  /** The page's own badges and actions after the title. */
  children?: ReactNode;
}

/** A details page's header: back to its list, the item's name, then the page's badges and actions. */
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
