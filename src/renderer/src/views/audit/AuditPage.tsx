import { useEffect, useMemo, useState, type ComponentProps } from 'react';
import { InlineSelect } from '../../components/ui/InlineSelect';
import { SearchBox } from '../../components/ui/SearchBox';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import {
  NO_AUDIT_FILTER,
  exportFileName,
  filterAudit,
  toCsv,
  toJsonLines,
  type AuditFilter,
} from '../../lib/audit';
import { fieldOf } from '../../lib/filter-field';
import { saveText } from '../../lib/save-text';
import { useAuditStore, watchAudit } from '../../stores/audit';
import { useHostsStore } from '../../stores/hosts';
import { AuditTable } from './AuditTable';
import { plural } from '../../lib/plural';
import { EmptyState, LoadingState } from '../../components/ui/EmptyState';

const OUTCOMES = [
  ['', 'Any'],
  ['ok', 'Succeeded'],
  ['error', 'Failed'],
] as const;

/** A filter over the log: a select with its label shown beside it. */
function FilterSelect<T extends string>(props: Omit<ComponentProps<typeof InlineSelect<T>>, 'className'>) {
  return <InlineSelect {...props} labelClassName="audit-filter-label" className="input audit-select" />;
}

/**
 * Every mutating call Berthmaster made (time, host, action, target, outcome), newest first, live:
 * filter by host, outcome and text, and export what is shown as JSON Lines or CSV.
 */
export function AuditPage() {
  const rows = useAuditStore((s) => s.rows);
  const loaded = useAuditStore((s) => s.loaded);
  const error = useAuditStore((s) => s.error);
  const hosts = useHostsStore((s) => s.hosts);
  const [filter, setFilter] = useState<AuditFilter>(NO_AUDIT_FILTER);

  useEffect(() => watchAudit(), []);

  const shown = useMemo(() => filterAudit(rows, filter), [rows, filter]);
  // Hosts in the log (some may be gone since) and the configured ones, by id.
  const hostOptions = useMemo(() => {
    const names = new Map<string, string>();
    for (const r of rows) if (r.hostId) names.set(r.hostId, r.hostName ?? r.hostId);
    for (const h of hosts) names.set(h.id, h.name);
    return [...names].sort((a, b) => a[1].localeCompare(b[1]));
  }, [rows, hosts]);
  const set = (patch: Partial<AuditFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const field = <K extends keyof AuditFilter>(key: K) => fieldOf(filter, set, key);
  const failed = useMemo(() => shown.filter((r) => r.outcome === 'error').length, [shown]);

  return (
    <section className="audit-page" aria-label="Audit log">
      <header className="audit-header">
        <h1>Audit log</h1>
        <span className="muted" aria-live="polite">
          {shown.length === rows.length
            ? plural(rows.length, 'entry', 'entries')
            : `${shown.length} of ${plural(rows.length, 'entry', 'entries')}`}
          {failed > 0 ? ` · ${failed} failed` : ''}
        </span>
        <span className="header-spacer" />
        <button
          type="button"
          className="button"
          disabled={shown.length === 0}
          onClick={() => saveText(exportFileName('jsonl'), toJsonLines(shown), 'application/x-ndjson')}
        >
          Export JSON Lines
        </button>
        <button
          type="button"
          className="button"
          disabled={shown.length === 0}
          onClick={() => saveText(exportFileName('csv'), toCsv(shown), 'text/csv')}
        >
          Export CSV
        </button>
      </header>
      <p className="audit-intro muted">
        Every call that changed an engine or Berthmaster&apos;s settings, with its outcome. Secrets are never
        recorded. Exports contain the entries shown.
      </p>
      <div className="toolbar audit-filters" role="search" aria-label="Filter the audit log">
        <FilterSelect label="Host" options={[['', 'All hosts'], ...hostOptions]} {...field('hostId')} />
        <FilterSelect label="Outcome" options={OUTCOMES} {...field('outcome')} />
        <SearchBox
          className="audit-search"
          label="Search the audit log"
          placeholder="Action, target, error"
          {...field('text')}
        />
      </div>
      {error && <ErrorBanner error={error} title="The audit log stopped updating" />}
      {!loaded ? (
        <LoadingState className="page-empty" text="Loading the audit log…" />
      ) : shown.length === 0 ? (
        <EmptyState
          className="page-empty"
          title={rows.length === 0 ? 'Nothing recorded yet' : 'No entries match'}
          hint={
            rows.length === 0
              ? 'Starting, stopping, creating or removing anything adds a line here.'
              : 'Change or clear the filters.'
          }
        />
      ) : (
        <AuditTable rows={shown} />
      )}
    </section>
  );
}
