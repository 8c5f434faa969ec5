import type { StackLoadResult } from '@shared/contract';
import { showPath } from './diagnostic-text';

/** Beside the editor: problems at their lines, variables as resolved, keys not applied here. */
export function LoadReport({ result }: { result: StackLoadResult | undefined }) {
  if (!result) return <aside className="stack-report" aria-label="File report" />;
  const { diagnostics, variables, unsupported } = result;
  return (
    <aside className="stack-report" aria-label="File report">
      <h3 className="stack-subtitle">Problems</h3>
      {diagnostics.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="stack-diagnostics" aria-label="Problems">
          {diagnostics.map((d, i) => (
            <li key={i} className={`stack-diagnostic is-${d.severity}`}>
              <span className="stack-diagnostic-where">{d.at ? `Line ${d.at.line}` : d.kind}</span>{' '}
              {showPath(d) && <code>{d.path}</code>} {d.message}
            </li>
          ))}
        </ul>
      )}
      <h3 className="stack-subtitle">Variables</h3>
      {variables.length === 0 ? (
        <p className="muted">
          No ${'{'}VAR{'}'} in the file.
        </p>
      ) : (
        <table className="stack-variables" aria-label="Variables">
          <tbody>
            {variables.map((v, i) => (
              <tr key={i}>
                <td className="mono">{v.name}</td>
                <td className="mono">{v.value === null ? <em>unset (empty)</em> : v.value}</td>
                <td className="muted">{v.source.replace('-', ' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 className="stack-subtitle">Not applied on this engine</h3>
      {unsupported.length === 0 ? (
        <p className="muted">Every key in the file is applied.</p>
      ) : (
        <ul className="stack-unsupported" aria-label="Keys not applied">
          {unsupported.map((u, i) => (
            <li key={i}>
              <code>{u.path}</code>
              {u.at && ` (line ${u.at.line})`}: {u.reason}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
