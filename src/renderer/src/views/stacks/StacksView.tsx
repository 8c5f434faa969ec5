import { useMemo, useState } from 'react';
import type { ComposeStackSummary, HostView, StackServiceSummary } from '@shared/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { HostResourceList } from '../../components/HostResourceList';
import { EmptyState } from '../../components/ui/EmptyState';
import { PlainTable } from '../../components/ui/PlainTable';
import { PlusIcon } from '../../components/ui/Icons';
import { useHostList, defineHostList } from '../../hooks/useHostList';
import { useMutation } from '../../hooks/useMutation';
import { plural } from '../../lib/plural';
import { guard } from '../../lib/policy';
import { useDetailsStore } from '../../stores/details';
import { useMobilityStore } from '../../stores/mobility';
import { useSectionStore } from '../../stores/sections';
import { EMPTY_HOST_STACKS, useStacksStore } from '../../stores/stacks';
import { useTerminalsStore } from '../../stores/terminals';
import { DeployDialog } from './DeployDialog';
import { DownDialog } from './DownDialog';
import { ScaleDialog } from './ScaleDialog';
import { StackEditor } from './StackEditor';
import { StackLogsView } from './StackLogsView';
import { StackRow, type StackAction } from './StackRow';
import { TaskDialog } from './TaskDialog';
import { NEW_STACK_TEMPLATE } from './template';

type Screen =
  | { kind: 'list' }
  | {
      kind: 'edit';
      project?: string;
      composeYaml: string;
      envText: string;
      adopting?: boolean;
      notes?: string[];
    }
  | { kind: 'logs'; project: string };

/** The stack actions that ask first: what the confirmation says. */
type ConfirmedAction = 'stop' | 'forget';
const CONFIRMS: Record<ConfirmedAction, { verb: string; text(project: string, host: string): string }> = {
  stop: { verb: 'Stop', text: (p, host) => `Every container of ${p} on ${host} stops. Nothing is removed.` },
  forget: {
    verb: 'Forget',
    text: (p, host) =>
      `The app deletes its copy of the compose file and .env of ${p}. Nothing on ${host} is touched.`,
  },
};

const STACK_LIST = defineHostList({
  store: useStacksStore,
  empty: EMPTY_HOST_STACKS,
  title: 'Stacks',
  searchPlaceholder: 'Name, service or image',
});

/** The compose projects of one host: state, services, lifecycle, editor, plan and logs. */
export function StacksView({ host }: { host: HostView }) {
  const hostId = host.id;
  const list = useHostList(STACK_LIST, host);
  const { data, refetch, search, can } = list;
  // An action's outcome waits for this refetch, so its toast comes with the new state.
  const reload = () => useStacksStore.getState().fetch(hostId);
  const [screen, setScreen] = useState<Screen>({ kind: 'list' });
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [deploying, setDeploying] = useState<string>();
  const [downing, setDowning] = useState<ComposeStackSummary>();
  const [scaling, setScaling] = useState<{ project: string; service: StackServiceSummary }>();
  const [task, setTask] = useState<{ id: string; title: string }>();
  const [confirming, setConfirming] = useState<{ action: ConfirmedAction; project: string }>();
  const start = useMutation('stacks.start', { toast: (_, i) => `Started ${i.project}.`, refetch: reload });
  const stop = useMutation('stacks.stop', { toast: (_, i) => `Stopped ${i.project}.`, refetch: reload });
  const restart = useMutation('stacks.restart', {
    toast: (_, i) => `Restarted ${i.services?.join(', ') ?? i.project}.`,
    refetch: reload,
  });
  const pull = useMutation('stacks.pull');
  const forget = useMutation('stacks.forget', {
    toast: (_, i) => `Forgot the file of ${i.project}.`,
    refetch: reload,
  });
  // The host the dialogs act on.
  const onHost = { hostId, hostName: host.name };
  const confirmed = confirming?.action === 'forget' ? forget : stop;
  const get = useMutation('stacks.get');
  const preview = useMutation('stacks.adoptPreview');
  const busy = start.busy || stop.busy || restart.busy || pull.busy || get.busy || preview.busy;
  const error = start.error ?? stop.error ?? restart.error ?? pull.error ?? get.error ?? preview.error;

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    const sorted = [...data.items].sort((a, b) => a.name.localeCompare(b.name));
    if (!q) return sorted;
    return sorted.filter(
      (s) =>
        s.name.includes(q) || s.services.some((v) => v.name.toLowerCase().includes(q) || v.image.includes(q)),
    );
  }, [data.items, search]);

  if (screen.kind === 'edit') {
    return (
      <StackEditor
        key={screen.project ?? 'new'}
        host={host}
        project={screen.project}
        initial={screen}
        adopting={screen.adopting}
        notes={screen.notes}
        onBack={() => {
          setScreen({ kind: 'list' });
          refetch();
        }}
      />
    );
  }
  if (screen.kind === 'logs') {
    return <StackLogsView host={host} project={screen.project} onBack={() => setScreen({ kind: 'list' })} />;
  }

  const act = async (stack: ComposeStackSummary, action: StackAction) => {
    const target = { hostId, project: stack.name };
    switch (action) {
      case 'deploy':
        return setDeploying(stack.name);
      case 'edit': {
        const out = await get.run(target);
        if (out.ok && out.value.files) setScreen({ kind: 'edit', project: stack.name, ...out.value.files });
        return;
      }
      case 'adopt': {
        const out = await preview.run(target);
        if (out.ok) setScreen({ kind: 'edit', project: stack.name, adopting: true, ...out.value });
        return;
      }
      case 'down':
        return setDowning(stack);
      case 'start':
        return void start.run(target);
      case 'stop':
        return setConfirming({ action, project: stack.name });
      case 'restart':
        return void restart.run(target);
      case 'pull': {
        const out = await pull.run(target);
        if (out.ok) setTask({ id: out.value.taskId, title: `Pulling images of ${stack.name}` });
        return;
      }
      case 'logs':
        return setScreen({ kind: 'logs', project: stack.name });
      case 'forget':
        return setConfirming({ action, project: stack.name });
      case 'transfer':
        return useMobilityStore.getState().open({ kind: 'stack-transfer', hostId, project: stack.name });
    }
  };

  const linksFor = (project: string) => ({
    restart: (service: string) => void restart.run({ hostId, project, services: [service] }),
    scale: (service: StackServiceSummary) => setScaling({ project, service }),
    logs: (containerId: string, name: string) => {
      useDetailsStore.getState().open({ hostId, containerId, name }, 'logs');
      useSectionStore.getState().setSection('containers');
    },
    terminal: (containerId: string, name: string) =>
      void useTerminalsStore.getState().openTerminal(hostId, containerId, name),
  });

  return (
    <HostResourceList
      list={list}
      count={plural(data.items.length, 'stack')}
      actions={
        <button
          type="button"
          className="button button-primary"
          onClick={() => setScreen({ kind: 'edit', composeYaml: NEW_STACK_TEMPLATE, envText: '' })}
          {...guard(can.allowed('stacks.save'))}
        >
          <PlusIcon /> New stack
        </button>
      }
      banners={error ? [{ id: 'action', title: 'The stack action failed', error }] : []}
      empty={
        rows.length === 0 && (
          <EmptyState
            title={search.trim() ? `No stacks match “${search.trim()}”` : 'No compose stacks on this host'}
            hint="Projects made here or by docker compose show up by their labels."
          />
        )
      }
      overlays={
        <>
          {deploying && (
            <DeployDialog
              {...onHost}
              project={deploying}
              initialTarget={
                data.items.find((x) => x.name === deploying)?.origin === 'swarm' ? 'swarm' : 'compose'
              }
              onClose={() => setDeploying(undefined)}
            />
          )}
          {downing && (
            <DownDialog
              {...onHost}
              stack={downing}
              onClose={() => setDowning(undefined)}
              onStarted={(id) => {
                setDowning(undefined);
                setTask({ id, title: `Taking ${downing.name} down` });
              }}
            />
          )}
          {scaling && (
            <ScaleDialog
              hostId={hostId}
              project={scaling.project}
              service={scaling.service}
              onClose={() => setScaling(undefined)}
              onStarted={(id) => {
                setScaling(undefined);
                setTask({ id, title: `Scaling ${scaling.service.name}` });
              }}
            />
          )}
          {confirming && (
            <ConfirmDialog
              title={`${CONFIRMS[confirming.action].verb} ${confirming.project}?`}
              confirmLabel={CONFIRMS[confirming.action].verb}
              busy={confirmed.busy}
              error={confirmed.error}
              onCancel={() => setConfirming(undefined)}
              onConfirm={() =>
                void confirmed
                  .run({ hostId, project: confirming.project })
                  .then((o) => o.ok && setConfirming(undefined))
              }
            >
              <p>{CONFIRMS[confirming.action].text(confirming.project, host.name)}</p>
            </ConfirmDialog>
          )}
          {task && (
            <TaskDialog
              taskId={task.id}
              title={task.title}
              onClose={() => {
                setTask(undefined);
                refetch();
              }}
            />
          )}
        </>
      }
    >
      <div className="table-scroll">
        <PlainTable
          className="plain-table stack-table"
          label={`Stacks on ${host.name}`}
          columns={['Name', 'Origin', 'State', 'Running', 'Ports', 'Actions']}
        >
          {rows.map((s) => (
            <StackRow
              key={s.name}
              stack={s}
              can={can}
              busy={busy}
              expanded={expanded.has(s.name)}
              onToggle={() =>
                setExpanded((e) => {
                  const n = new Set(e);
                  if (n.has(s.name)) n.delete(s.name);
                  else n.add(s.name);
                  return n;
                })
              }
              onAction={(a) => void act(s, a)}
              links={linksFor(s.name)}
            />
          ))}
        </PlainTable>
      </div>
    </HostResourceList>
  );
}
