import type { ButtonHTMLAttributes, ReactNode } from 'react';

export interface EmptyAction {
  label: string;
  onClick(): void;
  primary?: boolean;
  /** Extra button props (a policy guard). */
  attrs?: ButtonHTMLAttributes<HTMLButtonElement>;
}

interface EmptyStateProps {
  title: ReactNode;
  hint?: ReactNode;
  /** The buttons that get the user out of it ("Clear search"); falsy entries are left out. */
  actions?: (EmptyAction | false | undefined)[];
  /** `page-empty` when it fills a whole page instead of a list. */
  className?: string;
}

/** What a list shows when it has nothing to show: why, and the way out. */
export function EmptyState({ title, hint, actions = [], className = 'empty-state' }: EmptyStateProps) {
  const shown = actions.filter((a): a is EmptyAction => !!a);
  return (
    <div className={className}>
      <p className="empty-title">{title}</p>
      {hint && <p className="muted">{hint}</p>}
      {shown.length > 0 && (
        <div className="empty-actions">
          {shown.map((a) => (
            <button
              key={a.label}
              type="button"
              className={a.primary ? 'button button-primary' : 'button'}
              onClick={a.onClick}
              {...a.attrs}
            >
              {a.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/** A list's first load: a large spinner and what it is waiting for. */
export function LoadingState({ text, className = 'empty-state' }: { text: string; className?: string }) {
  return (
    <div className={className} role="status">
      <span className="spinner spinner-large" aria-hidden="true" />
      <p>{text}</p>
    </div>
  );
}
