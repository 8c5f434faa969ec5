import { useMemo } from 'react';
import type { ApiLogBody } from '@shared/contract';
import { JsonBlock } from '../../components/ui/JsonBlock';
import { formatBytes } from '../../lib/format';

/** A logged body as the contract gives it: JSON pretty-printed, text as is, binary summarised. */
export function BodyView({ body, label }: { body: ApiLogBody; label: string }) {
  const parsed = useMemo(() => {
    if (body.kind !== 'json' || body.truncated) return undefined;
    try {
      return { value: JSON.parse(body.text) as unknown };
    } catch {
      return undefined;
    }
  }, [body]);
  if (body.kind === 'none') return <p className="muted api-body-none">No body.</p>;
  const meta = [
    body.contentType,
    formatBytes(body.bytes),
    body.truncated ? 'truncated at the size limit' : undefined,
  ].filter(Boolean);
  return (
    <div className="api-body">
      <p className="field-hint">{meta.join(' · ')}</p>
      {body.kind === 'binary' ? (
        <p className="api-binary">{body.text}</p>
      ) : parsed ? (
        <JsonBlock value={parsed.value} label={label} />
      ) : (
        <pre className="json-pre api-body-text" aria-label={label} tabIndex={0}>
          {body.text}
          {body.truncated ? '\n…' : ''}
        </pre>
      )}
    </div>
  );
}
