import type { EndpointDoc } from '@shared/apilog/endpoint-index';

/** Inline docs of the endpoint the console's method and path match: summary and parameters. */
export function EndpointDocs({ doc, version }: { doc: EndpointDoc | undefined; version: string }) {
  if (!doc) return null;
  const params = doc.params ?? [];
  const bodyFields = Object.entries(doc.body?.props ?? {});
  return (
    <section className="api-docs" aria-label="Endpoint documentation">
      <h4>
        <span className={`api-method api-method-${doc.m}`}>{doc.m}</span>{' '}
        <span className="mono">{doc.p}</span> <span className="muted">· API {version}</span>
      </h4>
      <p>
        <strong>{doc.s}</strong>
        {doc.d && doc.d !== doc.s ? ` ${doc.d}` : ''}
      </p>
      {params.length > 0 && (
        <table className="api-params">
          <caption className="visually-hidden">Parameters</caption>
          <thead>
            <tr>
              <th scope="col">Parameter</th>
              <th scope="col">In</th>
              <th scope="col">Type</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {params.map((p) => (
              <tr key={`${p.in}:${p.n}`}>
                <td className="mono">
                  {p.n}
                  {p.r ? <span title="required"> *</span> : null}
                </td>
                <td className="muted">{p.in}</td>
                <td className="mono-soft">
                  {p.t}
                  {p.def !== undefined ? ` = ${JSON.stringify(p.def)}` : ''}
                </td>
                <td>{p.d}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {doc.body && (
        <p className="field-hint">
          Body: {doc.body.ref ?? doc.body.t}
          {doc.body.r ? ' (required)' : ''}
          {bodyFields.length > 0
            ? ` · fields ${bodyFields
                .slice(0, 12)
                .map(([k]) => k)
                .join(', ')}${bodyFields.length > 12 ? ', …' : ''}`
            : ''}
        </p>
      )}
    </section>
  );
}
