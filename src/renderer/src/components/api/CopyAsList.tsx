import type { EngineRequest, EngineTarget } from '@shared/apilog/engine-request';
import { copyAs } from '@shared/apilog/copy-as';
import { CopySnippet } from './CopySnippet';

/** Every "copy as" form of one request for one host (curl, docker CLI, Python, Go, Node). */
export function CopyAsList({ request, target }: { request: EngineRequest; target: EngineTarget }) {
  const forms = copyAs(request, target);
  const secretEnv = forms[0]?.secretEnv ?? [];
  return (
    <div className="copy-as-list">
      <p className="field-hint">
        The snippets take the connection from DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH
        {secretEnv.length > 0 ? `; redacted values from ${secretEnv.map((v) => `$${v}`).join(', ')}` : ''}.
      </p>
      {forms.map((f) => (
        <CopySnippet key={f.format} label={f.label} {...(f.text !== undefined ? { text: f.text } : {})} />
      ))}
    </div>
  );
}
