import type { StackLoadResult, StackVariableUse } from '@shared/contract';
import { showPath } from './diagnostic-text';

/** Where a value came from, said plainly: the app's environment wins over .env, as a shell does. */
const SOURCE: Record<StackVariableUse['source'], { text: string; hint: string }> = {
  environment: {
    text: 'app environment',
    hint: "From Berthmaster's own environment, which wins over .env (as the shell's does for docker compose).",
  },
  'env-file': { text: '.env', hint: 'From the .env file below.' },
  default: { text: 'default', hint: 'Not set anywhere: the default written in the file.' },
  unset: { text: 'unset', hint: 'Not set in the app environment nor in .env.' },
};

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
        <>
          <p className="field-hint">
            Values come from .env, or from the app&apos;s environment when it sets the same name (it wins, as
            a shell does for docker compose).
          </p>
          <table className="stack-variables" aria-label="Variables">
            <tbody>
              {variables.map((v, i) => (
                <tr key={i}>
                  <td className="mono">{v.name}</td>
                  <td className="mono">{v.value === null ? <em>unset (empty)</em> : v.value}</td>
                  <td className="muted" title={SOURCE[v.source].hint}>
                    {SOURCE[v.source].text}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
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
