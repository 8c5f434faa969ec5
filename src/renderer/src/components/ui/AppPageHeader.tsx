import type { ReactNode } from 'react';

export interface AppPageHeaderProps {
  title: string;
  /** The muted line beside the title: what the page holds, or a count that changes (then `live`). */
  summary: ReactNode;
  /** Screen readers announce the summary when it changes (a count of alerts, entries, tunnels). */
  live?: boolean;
  /** Buttons, pushed to the right. */
  children?: ReactNode;
}

/** The heading row of an app-wide page (Alerts, Audit log, Forwards, Merged logs). */
export function AppPageHeader({ title, summary, live, children }: AppPageHeaderProps) {
  return (
    <header className="audit-header">
      <h1>{title}</h1>
      <span className="muted" aria-live={live ? 'polite' : undefined}>
        {summary}
      </span>
      {children && <span className="header-spacer" />}
      {children}
    </header>
  );
}
