import type { ReactNode } from 'react';

export interface DetailsHeaderProps {
  /** The list it came from ("Volumes"): the back button reads "← Volumes". */
  back: string;
  onBack(): void;
  title: ReactNode;
  /** Extra classes of the title (`truncate`, `mono`). */
  titleClassName?: string;
  /** Badges, status and actions after the title. */
  children?: ReactNode;
}

/** The header of one resource's page: back to its list, its name, then what the page adds. */
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
