import { emptyPort, type FieldErrors, type PortRow } from '../../../lib/forms/run-form';
import { RemoveRowButton, RowErrors } from './RemoveRowButton';

export interface PortRowsProps {
  rows: PortRow[];
  errors: FieldErrors;
  idOf(key: string): string;
  onChange(rows: PortRow[]): void;
}

/** Port mappings: host IP (optional), host port (optional: random), container port, protocol. */
export function PortRows({ rows, errors, idOf, onChange }: PortRowsProps) {
  const set = (i: number, patch: Partial<PortRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const groupError = errors.ports;
  return (
    <fieldset className="field run-rows">
      <legend className="field-label">Ports</legend>
      {rows.length === 0 ? (
        <p className="field-hint">No published ports.</p>
      ) : (
        <div className="run-row-head port-fields" aria-hidden="true">
          <span>Host IP</span>
          <span>Host port</span>
          <span />
          <span>Container port</span>
          <span>Protocol</span>
        </div>
      )}
      {rows.map((row, i) => {
        const ids = {
          hostIp: idOf(`ports.${i}.hostIp`),
          hostPort: idOf(`ports.${i}.hostPort`),
          containerPort: idOf(`ports.${i}.containerPort`),
        };
        const err = (k: keyof typeof ids) => errors[`ports.${i}.${k}`];
        const input = (k: keyof typeof ids, label: string, placeholder: string) => (
          <input
            id={ids[k]}
            className="input mono"
            aria-label={`Port ${i + 1} ${label}`}
            placeholder={placeholder}
            inputMode={k === 'hostIp' ? 'text' : 'numeric'}
            value={row[k]}
            autoComplete="off"
            aria-invalid={err(k) ? true : undefined}
            aria-describedby={err(k) ? `${ids[k]}-error` : undefined}
            onChange={(e) => set(i, { [k]: e.target.value })}
          />
        );
        return (
          <div key={i} className="run-row">
            <div className="run-row-fields port-fields">
              {input('hostIp', 'host IP', 'all addresses')}
              {input('hostPort', 'host port', 'random')}
              <span className="ct-kv-eq" aria-hidden="true">
                →
              </span>
              {input('containerPort', 'container port', 'e.g. 80')}
              <select
                className="input"
                aria-label={`Port ${i + 1} protocol`}
                value={row.protocol}
                onChange={(e) => set(i, { protocol: e.target.value === 'udp' ? 'udp' : 'tcp' })}
              >
                <option value="tcp">TCP</option>
                <option value="udp">UDP</option>
              </select>
              <RemoveRowButton
                label={`Remove port ${i + 1}`}
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              />
            </div>
            <RowErrors
              items={[
                [ids.hostIp, err('hostIp')],
                [ids.hostPort, err('hostPort')],
                [ids.containerPort, err('containerPort')],
              ]}
            />
          </div>
        );
      })}
      {groupError && <p className="field-error">{groupError}</p>}
      <div>
        <button
          type="button"
          className="button button-small"
          onClick={() => onChange([...rows, emptyPort()])}
        >
          + Add port
        </button>
      </div>
    </fieldset>
  );
}
