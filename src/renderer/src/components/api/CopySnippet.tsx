import { useState } from 'react';
import { copyText } from '../log-viewer/export-log';

/** One "copy as" form: its label, the snippet, and a Copy button that says when it worked. */
export function CopySnippet({ label, text, note }: { label: string; text?: string; note?: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed'>();
  return (
    <section className="copy-snippet" aria-label={label}>
      <header className="copy-snippet-head">
        <h4>{label}</h4>
        {text !== undefined && (
          <button
            type="button"
            className="button button-small"
            aria-label={`Copy ${label}`}
            onClick={() => {
              copyText(text).then(
                () => setCopied('yes'),
                () => setCopied('failed'),
              );
              window.setTimeout(() => setCopied(undefined), 1500);
            }}
          >
            {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Copy failed' : 'Copy'}
          </button>
        )}
      </header>
      {text !== undefined ? (
        <pre className="output-box" tabIndex={0} aria-label={`${label} snippet`}>
          {text}
        </pre>
      ) : (
        <p className="muted copy-snippet-none">No docker CLI command does this request; use the curl form.</p>
      )}
      {note && <p className="field-hint">{note}</p>}
    </section>
  );
}
