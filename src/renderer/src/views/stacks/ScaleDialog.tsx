import { useState } from 'react';
import type { StackServiceSummary } from '@shared/contract';
import { Dialog } from '../../components/ui/Dialog';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { useMutation } from '../../hooks/useMutation';
import { CancelApplyFooter } from './CancelApplyFooter';

export interface ScaleDialogProps {
  hostId: string;
  project: string;
  service: StackServiceSummary;
  onClose(): void;
  onStarted(taskId: string): void;
}

/** How many containers a service runs. */
export function ScaleDialog({ hostId, project, service, onClose, onStarted }: ScaleDialogProps) {
  const [replicas, setReplicas] = useState(String(service.desired ?? service.running));
  const scale = useMutation('stacks.scale');
  const n = Number(replicas);
  const ok = Number.isInteger(n) && n >= 0 && n <= 100;
  return (
    <Dialog
      title={`Scale ${service.name}`}
      onClose={onClose}
      size="small"
      footer={
        <CancelApplyFooter
          onCancel={onClose}
          onApply={() =>
            void scale
              .run({ hostId, project, service: service.name, replicas: n })
              .then((o) => o.ok && onStarted(o.value.taskId))
          }
          disabled={!ok}
          busy={scale.busy}
        >
          Scale
        </CancelApplyFooter>
      }
    >
      <label className="field">
        <span className="field-label">Containers</span>
        <input
          className="input"
          type="number"
          min={0}
          max={100}
          value={replicas}
          aria-invalid={!ok}
          onChange={(e) => setReplicas(e.target.value)}
        />
      </label>
      {scale.error && <ErrorBanner error={scale.error} />}
    </Dialog>
  );
}
