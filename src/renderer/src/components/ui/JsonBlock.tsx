import { useMemo, useState } from 'react';

/** An engine document as indented JSON, with a copy button. */
export function JsonBlock({ value, label }: { value: unknown; label: string }) {
  const text = useMemo(() => JSON.stringify(value, null, 2), [value]);
  const [copied, setCopied] = useState(false);
  return (
    <div className="json-block">
      <button
        type="button"
        className="button button-small json-copy"
        onClick={() => {
          void navigator.clipboard?.writeText(text).then(() => {
            setCopied(true);
            window.setTimeout(() => setCopied(false), 1500);
          });
        }}
      >
        {copied ? 'Copied' : 'Copy JSON'}
      </button>
      <pre className="json-pre" aria-label={label} tabIndex={0}>
        {text}
      </pre>
    </div>
  );
}
