import { useState } from 'react';
import type { DiskKind, PruneResult } from '@shared/contract';
import { Dialog } from '../ui/Dialog';
import { DialogActions } from '../ui/DialogActions';
import { ErrorBanner } from '../ui/ErrorBanner';
import { formatBytes } from '../../lib/format';
import { useMutation } from '../../hooks/useMutation';
import { useQuery } from '../../hooks/useQuery';
import { useDiskStore } from '../../stores/disk';
import { VirtualTable } from '../ui/VirtualTable';
import { countOf, KIND_TEXT } from '../../lib/disk-kinds';

export interface PruneDialogProps {
  hostId: string;
  hostName: string;
  kind: DiskKind;
  onClose(): void;
  onPruned(result: PruneResult): void;
}

/** Shows what a prune of one kind would remove, asks, prunes, then tells the space reclaimed. */
export function PruneDialog({ hostId, hostName, kind, onClose, onPruned }: PruneDialogProps) {
  const text = KIND_TEXT[kind];
  const previewQuery = useQuery('system.prunePreview', { hostId, kind });
  const preview = previewQuery.result;
  const [result, setResult] = useState<PruneResult>();
  const prune = useMutation('system.prune', {
    toast: (res) => `${text.prune}: reclaimed ${formatBytes(res.spaceReclaimed)} on ${hostName}.`,
  });
  const { busy } = prune;
  const error = prune.error ?? previewQuery.error;

  const candidates = preview?.candidates ?? [];
  const total = candidates.reduce((s, c) => s + (c.size ?? 0), 0);

  const run = async () => {
    const outcome = await prune.run({ hostId, kind });
    if (!outcome.ok) return;
    setResult(outcome.value);
    useDiskStore.getState().recordPrune(hostId, kind, outcome.value);
    onPruned(outcome.value);
  };

  return (
    <Dialog
      title={result ? `${text.title}: done` : `${text.prune} on ${hostName}?`}
      onClose={onClose}
      size="large"
      dismissOnBackdrop={!busy}
      footer={
        <DialogActions
          done={result !== undefined}
          onCancel={onClose}
          submitLabel={candidates.length ? `Remove ${countOf(kind, candidates.length)}` : 'Remove'}
          danger
          busy={busy}
          disabled={!preview || candidates.length === 0}
          onSubmit={() => void run()}
        />
      }
    >
      {result ? (
        <div className="confirm-body" role="status">
          <p className="prune-result">
            Removed {countOf(kind, result.removed.length)} and reclaimed{' '}
            <strong>{formatBytes(result.spaceReclaimed)}</strong>.
          </p>
        </div>
      ) : !preview && !error ? (
        <p className="muted" role="status">
          <span className="spinner" aria-hidden="true" /> Finding {text.candidates}…
        </p>
      ) : preview && candidates.length === 0 ? (
        <p role="status">Nothing to remove: there are no {text.candidates}.</p>
      ) : preview ? (
        <div className="confirm-body">
          <p>
            These {countOf(kind, candidates.length)} ({text.candidates}) will be removed, freeing about{' '}
            <strong>{formatBytes(total)}</strong>. This cannot be undone.
          </p>
          {/* As tall as its rows (header + rows + borders), up to the CSS maximum; then it scrolls. */}
          <div className="preview-table" style={{ height: 36 + candidates.length * 44 }}>
            <VirtualTable
              label={`${text.title} to remove`}
              rows={candidates}
              columns={[
                {
                  id: 'name',
                  label: 'Name',
                  className: 'cell-stack',
                  render: (c) => (
                    <>
                      <span className="truncate strong" title={c.id}>
                        {c.name}
                      </span>
                      {c.detail && <span className="truncate sub-id">{c.detail}</span>}
                    </>
                  ),
                },
                {
                  id: 'size',
                  label: 'Size',
                  className: 'cell-num',
                  render: (c) => (c.size === null ? <span className="muted">—</span> : formatBytes(c.size)),
                },
              ]}
              template="minmax(200px, 1fr) 100px"
              rowKey={(c) => c.id}
              rowLabel={(c) => c.name}
              rowHeight={44}
              minWidth={360}
            />
          </div>
        </div>
      ) : null}
      {error && (
        <ErrorBanner error={error} title={result ? undefined : `Couldn't ${text.prune.toLowerCase()}`} />
      )}
    </Dialog>
  );
}
