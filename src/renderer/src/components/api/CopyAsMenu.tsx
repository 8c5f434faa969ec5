import { useCallback, useRef, useState } from 'react';
import type { EngineTarget } from '@shared/apilog/engine-request';
import { curlCommand, goSnippet, nodeSnippet, pythonSnippet, type CopyFormat } from '@shared/apilog/copy-as';
import type { FormCopy } from '@shared/apilog/form-copy';
import { useApiTarget } from '../../hooks/useApiTarget';
import { copyText } from '../log-viewer/export-log';
import { MenuItemButton } from '../ui/MenuItemButton';
import { useDismiss } from '../ui/useDismiss';

const FORMATS: Array<{ format: CopyFormat; label: string }> = [
  { format: 'curl', label: 'curl' },
  { format: 'docker', label: 'docker CLI' },
  { format: 'python', label: 'Python (docker SDK)' },
  { format: 'go', label: 'Go (Docker SDK)' },
  { format: 'node', label: 'Node (dockerode)' },
];

function render(format: CopyFormat, copy: FormCopy, target: EngineTarget): string | undefined {
  if (format === 'docker') return copy.dockerCli;
  const one = { curl: curlCommand, python: pythonSnippet, go: goSnippet, node: nodeSnippet }[format];
  return copy.requests.map((r) => one(r, target)).join('\n\n');
}

/**
 * "Copy as…" for a form, before it is sent: the requests it would send as curl, the docker CLI
 * or an SDK snippet. `build` returns undefined while the form is not valid.
 */
export function CopyAsMenu({
  hostId,
  build,
  drop = 'up',
}: {
  hostId: string;
  build(): FormCopy | undefined;
  /** Where the menu opens: above (a dialog's footer) or below (a form at the top of a pane). */
  drop?: 'up' | 'down';
}) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState<string>();
  const { info, error } = useApiTarget(hostId);
  const ref = useRef<HTMLDivElement>(null);

  const close = useCallback(() => setOpen(false), []);
  useDismiss(ref, close, { open });

  const pick = (format: CopyFormat, label: string) => {
    setOpen(false);
    const copy = build();
    if (!copy) return setNote('Fix the form first.');
    if (!info)
      return setNote(error ? `Can't address this host: ${error.message}` : 'Still reading the host.');
    const text = render(format, copy, info.target);
    if (!text) return setNote(`No ${label} form for this request.`);
    copyText(text).then(
      () => setNote(`Copied as ${label}.`),
      () => setNote('The clipboard is not available here.'),
    );
  };

  return (
    <div className="copy-as-menu" ref={ref}>
      <button
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => {
          setNote(undefined);
          setOpen((o) => !o);
        }}
      >
        Copy as…
      </button>
      {open && (
        <div className={`menu copy-as-popup copy-as-popup-${drop}`} role="menu" aria-label="Copy as">
          {FORMATS.map((f) => (
            <MenuItemButton key={f.format} className="menu-item" onClick={() => pick(f.format, f.label)}>
              {f.label}
            </MenuItemButton>
          ))}
        </div>
      )}
      {note && (
        <span className="muted copy-as-note" role="status">
          {note}
        </span>
      )}
    </div>
  );
}
