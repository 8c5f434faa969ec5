import { useEffect, useId, useState } from 'react';
import type { ContainerPruneResult } from '@shared/contract';
import { Dialog } from '../../../components/ui/Dialog';
import { DialogActions } from '../../../components/ui/DialogActions';
import { ErrorBanner } from '../../../components/ui/ErrorBanner';
import { formatBytes } from '../../../lib/format';
import { useMutation } from '../../../hooks/useMutation';
import { useQuery } from '../../../hooks/useQuery';
import { StatePill } from '../StatePill';

export interface PruneDialogProps {
  hostId: string;
  hostName: string;
  onClose(pruned: boolean): void;
}

const LABEL_FILTER = /^[^\s=]+(=[^\n\r]*)?$/;

/**
 * Prune stopped containers: first what will go (with sizes), optionally narrowed to a label, then
 * what the engine says it reclaimed.
 */
export function PruneDialog({ hostId, hostName, onClose }: PruneDialogProps) {
  const [label, setLabel] = useState('');
  /** The label filter the preview is asked for: follows the field, debounced while typing. */
  const [asked, setAsked] = useState<string>();
  const [result, setResult] = useState<ContainerPruneResult>();
  const labelId = useId();
  const hintId = useId();
  const trimmed = label.trim();
  const labelOk = trimmed === '' || LABEL_FILTER.test(trimmed);
  const labels = trimmed ? [trimmed] : [];

  useEffect(() => {
    if (!labelOk) return;
    const t = window.setTimeout(() => setAsked(trimmed), trimmed ? 350 : 0);
    return () => window.clearTimeout(t);
  }, [trimmed, labelOk]);
  const previewQuery = useQuery(
    'containers.prunePreview',
    asked === undefined ? undefined : { hostId, labels: asked ? [asked] : [] },
    { keep: true },
  );
  const preview = previewQuery.result;
  const loading = asked === undefined || previewQuery.loading;
  const pruneCall = useMutation('containers.prune');
  const pruning = pruneCall.busy;
  const error = pruneCall.error ?? previewQuery.error;
  const prune = async () => {
    const outcome = await pruneCall.run({ hostId, labels });
    if (outcome.ok) setResult(outcome.value);
  };

  const count = preview?.candidates.length ?? 0;
  // Typed a new filter but its preview has not come (or failed): what is listed is not what would go.
  const stale = asked !== trimmed || previewQuery.error !== undefined;
  const names = new Map(preview?.candidates.map((c) => [c.id, c.name]));

  return (
    <Dialog
      title="Prune stopped containers"
      onClose={() => onClose(result !== undefined)}
      size="medium"
      footer={
        <DialogActions
          done={result !== undefined}
          onCancel={() => onClose(result !== undefined)}
          submitLabel={`Remove ${count} ${count === 1 ? 'container' : 'containers'}`}
          danger
          busy={pruning}
          disabled={loading || stale || count === 0 || !labelOk}
          onSubmit={() => void prune()}
        />
      }
    >
      {result ? (
        <div className="prune-result" role="status">
          <p className="prune-result-title">
            Removed {result.deleted.length} {result.deleted.length === 1 ? 'container' : 'containers'} and
            reclaimed {formatBytes(result.spaceReclaimed)}.
          </p>
          {result.deleted.length > 0 && (
            <ul className="ct-name-list">
              {result.deleted.map((id) => (
                <li key={id} className="mono">
                  {names.get(id) ?? id.slice(0, 12)}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        <div className="host-form">
          <p>
            Every container that is not running on <strong>{hostName}</strong> (exited, created or dead) is
            removed, with its writable layer. Volumes are kept.
          </p>
          <div className="field">
            <label htmlFor={labelId} className="field-label">
              Only containers with label <span className="optional">(optional)</span>
            </label>
            <input
              id={labelId}
              className="input mono"
              placeholder="key or key=value"
              value={label}
              spellCheck={false}
              aria-invalid={!labelOk || undefined}
              aria-describedby={hintId}
              onChange={(e) => setLabel(e.target.value)}
            />
            <span id={hintId} className={labelOk ? 'field-hint' : 'field-error'}>
              {labelOk
                ? 'Like docker container prune --filter label=…'
                : 'a label filter is "key" or "key=value"'}
            </span>
          </div>
          {error && <ErrorBanner error={error} title="Couldn't prune" />}
          <section aria-label="Containers to remove" aria-busy={loading || stale || undefined}>
            {loading && !preview ? (
              <p className="muted" role="status">
                <span className="spinner" aria-hidden="true" /> Looking for stopped containers…
              </p>
            ) : count === 0 ? (
              <p className="muted">
                Nothing to prune: no stopped containers{trimmed ? ' with this label' : ''}.
              </p>
            ) : (
              <>
                <p className="prune-summary">
                  {count} {count === 1 ? 'container' : 'containers'} will be removed, freeing about{' '}
                  <strong>{formatBytes(preview?.estimatedBytes ?? 0)}</strong>.
                </p>
                <ul className="prune-list">
                  {preview?.candidates.map((c) => (
                    <li key={c.id}>
                      <span className="mono prune-name">{c.name}</span>
                      <StatePill state={c.state} />
                      <span className="muted truncate">{c.image}</span>
                      <span className="prune-size">
                        {c.sizeRw === undefined ? '—' : formatBytes(c.sizeRw)}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </div>
      )}
    </Dialog>
  );
}
