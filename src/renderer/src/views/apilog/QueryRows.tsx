import { IconButton } from '../../components/ui/IconButton';
import { CloseIcon } from '../../components/ui/Icons';
/** The console's query parameters as name/value rows (order kept: the engine reads repeats). */
export function QueryRows({
  rows,
  onChange,
}: {
  rows: Array<[string, string]>;
  onChange(rows: Array<[string, string]>): void;
}) {
  const set = (i: number, k: string, v: string) =>
    onChange(rows.map((r, j): [string, string] => (j === i ? [k, v] : r)));
  return (
    <div className="item-stack api-query-rows">
      {rows.map(([k, v], i) => (
        <div key={i} className="api-query-row">
          <input
            className="input input-small mono"
            aria-label={`Query parameter ${i + 1} name`}
            placeholder="name"
            value={k}
            onChange={(e) => set(i, e.target.value, v)}
          />
          <input
            className="input input-small mono"
            aria-label={`Query parameter ${i + 1} value`}
            placeholder="value"
            value={v}
            onChange={(e) => set(i, k, e.target.value)}
          />
          <IconButton
            label={`Remove query parameter ${k || i + 1}`}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            <CloseIcon />
          </IconButton>
        </div>
      ))}
      <button type="button" className="button button-small" onClick={() => onChange([...rows, ['', '']])}>
        Add query parameter
      </button>
    </div>
  );
}
