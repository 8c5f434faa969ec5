import { useId, useState } from 'react';
import type { HostView, PruneImagesResult } from '@shared/contract';
import { Dialog } from '../../components/ui/Dialog';
import { DialogActions } from '../../components/ui/DialogActions';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { RadioInput, type RadioGroup } from '../../components/ui/RadioInput';
import { useMutation } from '../../hooks/useMutation';
import { formatBytes } from '../../lib/format';
import { useImagesStore } from '../../stores/images';

type Scope = 'dangling' | 'unused';

const SCOPES: { scope: Scope; title: string; hint: string }[] = [
  { scope: 'dangling', title: 'Dangling', hint: 'Untagged images, left behind by rebuilds and pulls.' },
  {
    scope: 'unused',
    title: 'All unused',
    hint: 'Every image no container uses, tagged or not. They must be pulled or built again.',
  },
];

/** Prune dangling (untagged) or all unused images, then say how much space came back. */
export function PruneDialog({ host, onClose }: { host: HostView; onClose(): void }) {
  const [scope, setScope] = useState<Scope>('dangling');
  const [result, setResult] = useState<PruneImagesResult>();
  const fetch = useImagesStore((s) => s.fetch);
  const { run: prune, busy, error } = useMutation('images.prune', { refetch: () => void fetch(host.id) });
  const scopes: RadioGroup<Scope> = { name: useId(), value: scope, onChange: setScope };

  const run = async () => {
    const r = await prune({ hostId: host.id, scope });
    if (r.ok) setResult(r.value);
  };

  return (
    <Dialog
      title={`Prune images on ${host.name}`}
      onClose={onClose}
      size="small"
      footer={
        <DialogActions
          done={!!result}
          doneLabel="Close"
          onCancel={onClose}
          submitLabel={scope === 'dangling' ? 'Remove dangling images' : 'Remove unused images'}
          danger
          busy={busy}
          onSubmit={() => void run()}
        />
      }
    >
      {result ? (
        <p role="status" className="prune-result">
          Reclaimed <strong>{formatBytes(result.spaceReclaimed)}</strong>: {result.deleted} image layer
          {result.deleted === 1 ? '' : 's'} deleted, {result.untagged} tag{result.untagged === 1 ? '' : 's'}{' '}
          removed.
        </p>
      ) : (
        <fieldset className="prune-scopes">
          <legend className="field-label">Which images</legend>
          {SCOPES.map((s) => (
            <label key={s.scope} className="radio-row">
              <RadioInput group={scopes} value={s.scope} />
              <span>
                <strong>{s.title}</strong>
                <span className="field-hint">{s.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {error && <ErrorBanner error={error} title="Couldn't prune" />}
    </Dialog>
  );
}
