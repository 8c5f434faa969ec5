import { useEffect, useId, useState } from 'react';
import type { UpdatePlan, UpdateStarted, UpdateTarget } from '@shared/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ConfirmHostContext } from '../../components/confirm-host';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { useMutation } from '../../hooks/useMutation';
import { shortId } from '../../lib/format';
import { plural } from '../../lib/plural';
import { useHostsStore } from '../../stores/hosts';
import { useUpdateFlowStore, type UpdateRequest } from '../../stores/update-flow';
import { UpdateProgress } from './UpdateProgress';
import { hostNameOf } from '../../lib/host-name';

/**
 * Updating containers: first what would happen (preflight: can it update, can it roll back), then
 * a confirmation (typed on production hosts), then the update tasks' progress and results.
 */
export function UpdateDialog() {
  const request = useUpdateFlowStore((s) => s.request);
  const close = useUpdateFlowStore((s) => s.close);
  if (!request) return null;
  const key =
    request.kind === 'project'
      ? `project/${request.project}/${request.hostIds.join(',')}`
      : request.items.map((i) => `${i.hostId}/${i.id}`).join(',');
  return <UpdateFlow key={key} request={request} onClose={close} />;
}

function UpdateFlow({ request, onClose }: { request: UpdateRequest; onClose(): void }) {
  const hosts = useHostsStore((s) => s.hosts);
  const target: UpdateTarget =
    request.kind === 'project'
      ? { kind: 'project', project: request.project, hostIds: request.hostIds }
      : { kind: 'containers', items: request.items.map(({ hostId, id }) => ({ hostId, id })) };
  const firstHost = request.kind === 'project' ? request.hostIds[0] : request.items[0]?.hostId;
  const title =
    request.kind === 'project'
      ? `Update project ${request.project}`
      : request.items.length === 1
        ? `Update ${request.items[0]?.name ?? ''}`
        : `Update ${plural(request.items.length, 'container')}`;
  const preflight = useMutation('updates.preflight');
  const apply = useMutation('updates.apply');
  const [plans, setPlans] = useState<UpdatePlan[]>();
  const [allowNoRollback, setAllowNoRollback] = useState(false);
  const [started, setStarted] = useState<{ started: UpdateStarted[]; refused: UpdatePlan[] }>();
  const noRollbackId = useId();

  useEffect(() => {
    void preflight.run({ target }).then((o) => o.ok && setPlans(o.value));
    // Once per dialog: the key remounts it for other containers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const hostName = (id: string) => hostNameOf(hosts, id);
  const runnable = (plans ?? []).filter((p) => p.canUpdate);
  const withoutWayBack = runnable.filter((p) => !p.canRollBack);
  // The typed confirmation follows the first production host among the containers to update.
  const production = hosts.find((h) => h.production && runnable.some((p) => p.hostId === h.id));
  const confirmText = runnable.length === 1 ? runnable[0]?.name : production?.name;

  if (started) {
    return (
      <UpdateProgress
        started={started.started}
        refused={started.refused}
        hostName={hostName}
        onClose={onClose}
      />
    );
  }

  const go = async () => {
    const o = await apply.run({ target, allowNoRollback });
    if (!o.ok) return;
    setStarted(o.value);
  };

  return (
    <ConfirmHostContext.Provider value={production?.id ?? firstHost}>
      <ConfirmDialog
        title={title}
        confirmLabel={runnable.length <= 1 ? 'Update' : `Update ${runnable.length}`}
        danger
        confirmText={confirmText}
        busy={apply.busy}
        disabled={!plans || runnable.length === 0 || (withoutWayBack.length > 0 && !allowNoRollback)}
        busyLabel={apply.busy ? 'Starting the updates' : undefined}
        error={apply.error}
        onConfirm={() => void go()}
        onCancel={onClose}
      >
        <p>
          Each container is recreated from its image&apos;s newest version with the same configuration. If it
          does not come up running and healthy, it is put back on its current image.
        </p>
        {preflight.error && <ErrorBanner error={preflight.error} />}
        {!plans && !preflight.error && (
          <p className="muted" role="status">
            <span className="spinner" aria-hidden="true" /> Checking what an update would do…
          </p>
        )}
        {plans && (
          <ul className="update-plan" aria-label="Update plan">
            {plans.map((p) => (
              <li key={`${p.hostId}/${p.containerId}`} className={p.canUpdate ? '' : 'is-refused'}>
                <span className="update-plan-name">
                  <strong>{p.name}</strong> <span className="muted">on {hostName(p.hostId)}</span>
                </span>
                <span className="mono-soft truncate" title={p.image}>
                  {p.image}
                  {p.currentImageId ? ` · now ${shortId(p.currentImageId)}` : ''}
                </span>
                <span className={`update-plan-verdict${p.canUpdate && p.canRollBack ? '' : ' is-warn'}`}>
                  {!p.canUpdate
                    ? `Cannot update: ${p.reason ?? 'refused'}`
                    : p.canRollBack
                      ? 'Can roll back to its current image'
                      : `No way back: ${p.reason ?? 'its current image cannot be kept'}`}
                </span>
              </li>
            ))}
          </ul>
        )}
        {withoutWayBack.length > 0 && (
          <label className="checkbox-row" htmlFor={noRollbackId}>
            <input
              id={noRollbackId}
              type="checkbox"
              checked={allowNoRollback}
              onChange={(e) => setAllowNoRollback(e.target.checked)}
            />
            Update {plural(withoutWayBack.length, 'container')} without a way back
          </label>
        )}
        {plans && runnable.length === 0 && <p className="update-plan-none">Nothing here can be updated.</p>}
      </ConfirmDialog>
    </ConfirmHostContext.Provider>
  );
}
