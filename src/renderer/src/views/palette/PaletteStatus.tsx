import type { HostView } from '@shared/contract';
import type { CommandPicker } from '../../lib/commands';
import { errorTitle } from '../../lib/errors';
import type { ObjectSearch } from '../../stores/palette';
import { plural } from '../../lib/plural';
import { hostNameOf } from '../../lib/host-name';

export interface PaletteStatusProps {
  query: string;
  picker: CommandPicker | undefined;
  rowCount: number;
  search: ObjectSearch;
  hosts: HostView[];
}

/**
 * The line under the results: searching, nothing found, and which hosts could not answer (a dead
 * host is reported, never waited for). Polite live region, so screen readers hear the outcome.
 */
export function PaletteStatus({ query, picker, rowCount, search, hosts }: PaletteStatusProps) {
  const q = query.trim();
  const name = (id: string) => hostNameOf(hosts, id);
  const failed = !picker && q && search.query === q ? search.hosts.filter((h) => !h.ok) : [];
  let text: string;
  if (picker)
    text =
      rowCount === 0
        ? q
          ? `Nothing matches “${q}”.`
          : picker.empty
        : 'Enter to choose · Backspace to go back';
  else if (!q) text = 'Type to search every host · Enter to run · ? for shortcuts';
  else if (search.error) text = `Search failed: ${search.error.message}`;
  else if (search.loading) text = `Searching ${plural(hosts.length, 'host')}…`;
  else if (rowCount === 0) text = `Nothing matches “${q}”.`;
  else text = `${plural(search.hits.length, 'object')} found`;

  return (
    <div className="palette-status" role="status" aria-live="polite">
      <span>{text}</span>
      {failed.map((h) =>
        h.ok ? null : (
          <span key={h.hostId} className="palette-host-error">
            {name(h.hostId)}: {errorTitle(h.error)}. {h.error.message}
          </span>
        ),
      )}
    </div>
  );
}
