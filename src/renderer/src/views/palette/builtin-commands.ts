import { checkPolicy } from '../../lib/policy';
import type { HostView } from '@shared/contract';
import {
  registerCommands,
  registerShortcutHints,
  type Command,
  type CommandPicker,
} from '../../lib/commands';
import { goSequences, isMacPlatform } from '../../lib/shortcuts';
import { useContainersStore } from '../../stores/containers';
import { useMobilityStore } from '../../stores/mobility';
import { containerAction } from '../../actions/container-actions';
import { useDetailsStore } from '../../stores/details';
import { useHostsStore } from '../../stores/hosts';
import { usePaletteStore } from '../../stores/palette';
import { rememberedPrefs, useTerminalsStore } from '../../stores/terminals';
import { useUiStore } from '../../stores/ui';
import { useViewStore } from '../../stores/view';
import { APP_PAGE_ITEMS as APP_PAGES, HOST_SECTION_ITEMS as HOST_SECTIONS } from '../../lib/navigation';
import { currentConnectedHost, goToHost, goToSection } from './navigate';
import { resourceActionCommands } from './resource-commands';

/** Pages then host sections share the "G then letter" pool, in the order they are listed. */
function navigationBindings() {
  const labels = [...APP_PAGES.map((p) => p.label), ...HOST_SECTIONS.map((s) => s.label)];
  const all = goSequences(labels);
  return { pages: all.slice(0, APP_PAGES.length), sections: all.slice(APP_PAGES.length) };
}

function navigationCommands(): Command[] {
  const bindings = navigationBindings();
  const host = currentConnectedHost();
  const pages: Command[] = APP_PAGES.map((p, i) => ({
    id: `page.${p.id}`,
    title: `Go to ${p.label}`,
    section: 'Navigation',
    binding: bindings.pages[i],
    run: () => useViewStore.getState().showPage(p.id),
  }));
  const sections: Command[] = host
    ? HOST_SECTIONS.map((s, i) => ({
        id: `section.${s.id}`,
        title: `Go to ${s.label}`,
        section: 'Navigation',
        detail: `on ${host.name}`,
        binding: bindings.sections[i],
        run: () => goToSection(host.id, s.id),
      }))
    : [];
  return [...pages, ...sections];
}

function hostCommands(): Command[] {
  const { hosts, statuses } = useHostsStore.getState();
  const switches: Command[] = hosts.map((h, i) => ({
    id: `host.${h.id}`,
    title: `Go to host ${h.name}`,
    section: 'Hosts',
    keywords: ['switch', ...h.labels],
    detail: [statuses[h.id]?.state ?? 'connecting', ...h.labels].join(' · '),
    ...(i < 9 ? { keys: [isMacPlatform() ? '⌘' : 'Ctrl', String(i + 1)] } : {}),
    run: () => goToHost(h.id),
  }));
  const add: Command = {
    id: 'host.add',
    title: 'Add host…',
    section: 'Hosts',
    keywords: ['connect', 'new', 'engine'],
    run: () => useUiStore.getState().openHostForm({ mode: 'add' }),
  };
  return [...switches, add];
}

/** A host's containers to pick from (only the running ones for `onlyRunning`); loads the list if needed. */
function containerPicker(
  host: HostView,
  text: { heading: string; placeholder: string },
  onlyRunning: boolean,
  run: (id: string, name: string) => void,
): CommandPicker {
  return {
    heading: `${text.heading} on ${host.name}`,
    placeholder: text.placeholder,
    empty: `No ${onlyRunning ? 'running ' : ''}containers on ${host.name}.`,
    items: () => {
      const data = useContainersStore.getState().byHost[host.id];
      if (!data) void useContainersStore.getState().fetch(host.id);
      return (data?.items ?? [])
        .filter((c) => !onlyRunning || c.state === 'running')
        .map((c) => ({
          id: c.id,
          title: c.name,
          detail: `${c.image} · ${c.state}`,
          run: () => run(c.id, c.name),
        }));
    },
  };
}

// Move, clone and forward: their words and policy come from the container action table.
const MOBILITY = [
  ['move', 'container-move', false, 'Move container to another host…'],
  ['clone', 'container-clone', false, 'Clone container to another host…'],
  ['forward', 'forward', true, 'Forward a container port…'],
] as const;

/** Dialogs a command opens as they are, keyed by the method each calls (its policy and the id). */
const HOST_DIALOGS = [
  ['images.pull', 'pull-image', 'Pull image…', ['download', 'registry']],
  ['containers.prune', 'prune-containers', 'Prune stopped containers…', ['remove', 'delete', 'clean']],
  ['images.prune', 'prune-images', 'Prune unused images…', ['remove', 'delete', 'clean', 'dangling']],
] as const;

function currentHostCommands(): Command[] {
  const host = currentConnectedHost();
  if (!host) return [];
  const allowed = (method: string) => checkPolicy(host.policy, method).ok;
  /** Listed under "Current host", with the host's name. */
  const onHost = (c: Omit<Command, 'section' | 'detail'>): Command => ({
    ...c,
    section: 'Current host',
    detail: `on ${host.name}`,
  });
  const openText = { heading: 'Open · containers', placeholder: `Container on ${host.name} to open` };
  const out = [
    onHost({
      id: 'container.open',
      title: 'Open container…',
      keywords: ['details', 'inspect', 'show'],
      run: () =>
        containerPicker(host, openText, false, (id, name) => {
          goToSection(host.id, 'containers');
          useDetailsStore.getState().open({ hostId: host.id, containerId: id, name }, 'overview');
        }),
    }),
  ];
  if (allowed('exec.open')) {
    const text = { heading: 'Terminal · running', placeholder: 'Container to open a shell in' };
    out.push(
      onHost({
        id: 'container.terminal',
        title: 'Open terminal in container…',
        keywords: ['shell', 'exec', 'console', 'sh', 'bash'],
        run: () =>
          containerPicker(host, text, true, (id, name) => {
            void useTerminalsStore.getState().openTerminal(host.id, id, name, rememberedPrefs(host.id, name));
          }),
      }),
    );
  }
  for (const [actionId, kind, onlyRunning, title] of MOBILITY) {
    const a = containerAction(actionId);
    if (!allowed(a.method)) continue;
    const text = { heading: `${a.label} · containers`, placeholder: `Container to ${a.failed}` };
    out.push(
      onHost({
        id: `container.${actionId}`,
        title,
        keywords: ['mobility', 'transfer', 'tunnel', 'port', 'host'],
        run: () =>
          containerPicker(host, text, onlyRunning, (id, name) =>
            useMobilityStore.getState().open({ kind, hostId: host.id, containerId: id, name }),
          ),
      }),
    );
  }
  for (const [method, kind, title, keywords] of HOST_DIALOGS) {
    const run = () => usePaletteStore.getState().openDialog({ kind, hostId: host.id });
    if (allowed(method)) out.push(onHost({ id: method, title, keywords, run }));
  }
  return [...out, ...resourceActionCommands(host)];
}

const helpCommands: Command[] = [
  {
    id: 'help.shortcuts',
    title: 'Show keyboard shortcuts',
    section: 'Help',
    keywords: ['help', 'keys', 'hotkeys', 'cheat sheet'],
    binding: { kind: 'key', key: '?' },
    run: () => usePaletteStore.getState().setHelpOpen(true),
  },
];

/** Registered once, when the palette module loads; the order is the palette's section order. */
export function registerBuiltinCommands(): void {
  registerCommands(navigationCommands);
  registerCommands(hostCommands);
  registerCommands(currentHostCommands);
  registerCommands(helpCommands);
  const mod = isMacPlatform() ? '⌘' : 'Ctrl';
  registerShortcutHints([
    { section: 'General', keys: [mod, 'K'], description: 'Open the command palette' },
    {
      section: 'General',
      keys: [mod, 'Shift', 'K'],
      description: 'Open the palette from a terminal (there Ctrl+K is the shell’s “delete to end of line”)',
    },
    { section: 'General', keys: ['Esc'], description: 'Close the palette, a dialog or this sheet' },
    { section: 'Hosts', keys: [mod, '1 … 9'], description: 'Go to the first … ninth host in the sidebar' },
    { section: 'In the palette', keys: ['↑', '↓'], description: 'Move through the results' },
    { section: 'In the palette', keys: ['Enter'], description: 'Run the action or open the object' },
    {
      section: 'In the palette',
      keys: ['Backspace'],
      description: 'In an empty second step: back to all actions',
    },
  ]);
}
