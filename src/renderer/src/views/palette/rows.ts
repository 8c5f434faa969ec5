import type { HostView, SearchHit, SearchKind } from '@shared/contract';
import type { Command, CommandPicker, PickItem } from '../../lib/commands';
import { fuzzyFilter, fuzzyMatch, fuzzyMatchWithKeywords } from '../../lib/fuzzy';
import { formatBinding } from '../../lib/shortcuts';

/** One option of the palette's listbox. */
export interface PaletteRow {
  key: string;
  section: string;
  title: string;
  detail?: string;
  /** Matched characters of the title, for highlighting. */
  positions: number[];
  keys?: string[];
  kind?: SearchKind;
  /** Colour dot of the host an object lives on. */
  hostColor?: string;
  /** Why Enter does nothing here (a policy refusal, an action that does not apply). */
  disabled?: string;
  /** What Enter does: a command may hand back a picker. */
  action:
    | { type: 'command'; command: Command }
    | { type: 'pick'; item: PickItem }
    | { type: 'hit'; hit: SearchHit };
}

export const KIND_LABELS: Record<SearchKind, string> = {
  container: 'Container',
  image: 'Image',
  network: 'Network',
  volume: 'Volume',
};

const MAX_ACTIONS_WHILE_SEARCHING = 12;

function commandKeys(c: Command, mac: boolean): string[] | undefined {
  if (c.binding) return formatBinding(c.binding, mac);
  return c.keys ? [...c.keys] : undefined;
}

function commandRow(c: Command, section: string, positions: number[], mac: boolean): PaletteRow {
  const keys = commandKeys(c, mac);
  return {
    key: `cmd:${c.id}`,
    section,
    title: c.title,
    ...(c.detail ? { detail: c.detail } : {}),
    positions,
    ...(keys ? { keys } : {}),
    ...(c.disabled ? { disabled: c.disabled } : {}),
    action: { type: 'command', command: c },
  };
}

/**
 * The palette's rows. With an empty query: every command under its own section. With a query:
 * the matching commands, best first, under "Actions", then what the hosts found under "Objects"
 * (already ranked by main; fuzzy here only highlights). In a picker: its items, fuzzy-filtered.
 */
export function buildRows(opts: {
  query: string;
  commands: readonly Command[];
  picker?: CommandPicker | undefined;
  pickItems?: readonly PickItem[];
  hits: readonly SearchHit[];
  hosts: readonly HostView[];
  mac: boolean;
}): PaletteRow[] {
  const query = opts.query.trim();
  if (opts.picker) {
    const items = opts.pickItems ?? [];
    return fuzzyFilter(items, query, (it, q) =>
      fuzzyMatchWithKeywords(q, it.title, [...(it.keywords ?? []), ...(it.detail ? [it.detail] : [])]),
    ).map(({ item, match }) => ({
      key: `pick:${item.id}`,
      section: opts.picker?.heading ?? 'Choose',
      title: item.title,
      ...(item.detail ? { detail: item.detail } : {}),
      positions: match.positions,
      ...(item.disabled ? { disabled: item.disabled } : {}),
      ...(item.kind ? { kind: item.kind } : {}),
      action: { type: 'pick', item },
    }));
  }
  if (!query) {
    // Grouped by section, sections in order of first appearance (providers may share one).
    const order = [...new Set(opts.commands.map((c) => c.section))];
    return order.flatMap((section) =>
      opts.commands.filter((c) => c.section === section).map((c) => commandRow(c, section, [], opts.mac)),
    );
  }

  const actions = fuzzyFilter(opts.commands, query, (c, q) =>
    fuzzyMatchWithKeywords(q, c.title, [...(c.keywords ?? []), c.section, ...(c.detail ? [c.detail] : [])]),
  )
    .slice(0, MAX_ACTIONS_WHILE_SEARCHING)
    .map(({ item, match }) => commandRow(item, 'Actions', match.positions, opts.mac));

  const hostsById = new Map(opts.hosts.map((h) => [h.id, h]));
  const objects: PaletteRow[] = opts.hits.map((hit) => {
    const host = hostsById.get(hit.hostId);
    return {
      key: `hit:${hit.hostId}:${hit.kind}:${hit.id}`,
      section: 'Objects',
      title: hit.name,
      detail: `${KIND_LABELS[hit.kind]} on ${host?.name ?? hit.hostId} · ${hit.detail}`,
      positions: fuzzyMatch(query, hit.name)?.positions ?? [],
      kind: hit.kind,
      ...(host ? { hostColor: host.color } : {}),
      action: { type: 'hit', hit },
    };
  });
  return [...actions, ...objects];
}

/** Consecutive rows of one section, for rendering group headings. */
export function groupRows(
  rows: readonly PaletteRow[],
): Array<{ section: string; rows: Array<{ row: PaletteRow; index: number }> }> {
  const groups: Array<{ section: string; rows: Array<{ row: PaletteRow; index: number }> }> = [];
  rows.forEach((row, index) => {
    const last = groups[groups.length - 1];
    if (last && last.section === row.section) last.rows.push({ row, index });
    else groups.push({ section: row.section, rows: [{ row, index }] });
  });
  return groups;
}
