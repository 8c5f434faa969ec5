import type { ImageDetails } from '@shared/contract';
import { formatBytes, fullDate, shortId } from '../../../lib/format';
import { plural } from '../../../lib/plural';

/** The layers, newest first: the instruction that made each and what it added. */
export function HistoryTab({ details }: { details: ImageDetails }) {
  const total = details.history.reduce((s, h) => s + h.size, 0);
  return (
    <div className="history">
      <table className="history-table" aria-label="Image history">
        <thead>
          <tr>
            <th scope="col">Layer</th>
            <th scope="col">Created by</th>
            <th scope="col" className="num">
              Size
            </th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {details.history.map((h, i) => (
            <tr key={`${h.id}-${i}`} className={h.size === 0 ? 'is-empty-layer' : undefined}>
              <td className="mono muted">{h.id === '<missing>' ? '—' : shortId(h.id)}</td>
              <td className="history-cmd mono" title={h.createdBy}>
                {h.createdBy || <span className="muted">(no command)</span>}
              </td>
              <td className="num">{formatBytes(h.size)}</td>
              <td className="muted">{fullDate(h.created * 1000)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={2}>
              {plural(details.history.length, 'entry', 'entries')},{' '}
              {details.history.filter((h) => h.size > 0).length} with content
            </td>
            <td className="num">{formatBytes(total)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
