import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContainerSummary } from '@shared/contract';
import {
  actionErrorBanners,
  ContainerMenu,
  FilteredOutState,
  selectedScope,
} from '../../src/renderer/src/views/containers/ContainerListParts';
import {
  RemoveOptions,
  type RemoveChoice,
} from '../../src/renderer/src/views/containers/dialogs/RemoveOptions';
import { Timestamp } from '../../src/renderer/src/components/ui/Timestamp';
import { fullDate } from '../../src/renderer/src/lib/format';
import { checkPolicy } from '../../src/renderer/src/lib/policy';
import type { ContainerFilter } from '../../src/renderer/src/stores/containers';
import { button, cleanup, render } from './render';

afterEach(cleanup);

const container = (name: string, state: ContainerSummary['state']) =>
  ({ id: name, name, state, labels: {} }) as unknown as ContainerSummary;

function filters(filter: ContainerFilter) {
  return { filter, onFilter: vi.fn(), search: '', onSearch: vi.fn() };
}

const labelsOf = (el: HTMLElement) => [...el.querySelectorAll('label')].map((l) => l.textContent);

describe('FilteredOutState (both containers pages)', () => {
  it('names the search and offers to clear it and the filter', () => {
    const f = filters('running');
    const el = render(<FilteredOutState filters={f} query="web" where=" on engine-a" />);
    expect(el.querySelector('.empty-title')?.textContent).toBe('No containers match “web”');
    button(el, 'Clear search').click();
    expect(f.onSearch).toHaveBeenCalledWith('');
    button(el, 'Show all containers').click();
    expect(f.onFilter).toHaveBeenCalledWith('all');
  });

  it('without a search names what the Show switch hides, and where', () => {
    const el = render(<FilteredOutState filters={filters('exited')} query="" where=" on engine-a" />);
    expect(el.querySelector('.empty-title')?.textContent).toBe('No stopped containers on engine-a');
    expect([...el.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Show all containers']);
  });
});

describe('ContainerMenu', () => {
  it("lists Details and the running container's menu actions, less what the policy forbids", () => {
    const request = vi.fn();
    const onOpen = vi.fn();
    render(
      <ContainerMenu
        menu={{ c: container('web', 'running'), anchor: document.body }}
        request={request}
        onOpen={onOpen}
        allowed={(method, input) => checkPolicy('restricted', method, input)}
        onClose={() => {}}
      />,
    );
    const menu = document.querySelector('[role="menu"]');
    expect(menu?.getAttribute('aria-label')).toBe('Actions for web');
    const items = [...document.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const names = items.map((i) => i.textContent);
    expect(names[0]).toBe('Details');
    expect(names).toContain('Pause');
    expect(names).not.toContain('Forward port…');
    items.find((i) => i.textContent === 'Pause')?.click();
    expect(request).toHaveBeenCalledWith('pause', expect.objectContaining({ name: 'web' }));
    items[0]?.click();
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ name: 'web' }));
  });

  it('arrow keys move the focus through the items, wrapping around', () => {
    render(
      <ContainerMenu
        menu={{ c: container('web', 'exited'), anchor: document.body }}
        request={() => {}}
        onOpen={() => {}}
        allowed={() => ({ ok: true })}
        onClose={() => {}}
      />,
    );
    const menu = document.querySelector('[role="menu"]') as HTMLElement;
    const items = [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const press = (key: string) =>
      act(() => menu.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));
    items[0]?.focus();
    press('ArrowUp');
    expect(document.activeElement).toBe(items[items.length - 1]);
    press('ArrowDown');
    expect(document.activeElement).toBe(items[0]);
    press('ArrowDown');
    expect(document.activeElement).toBe(items[1]);
  });
});

describe('actionErrorBanners', () => {
  it('titles each failure with the verb, the container and where', () => {
    const error = { code: 'CONFLICT', message: 'is paused' } as const;
    const [banner] = actionErrorBanners(
      [{ id: 1, hostId: 'h', containerName: 'web', action: 'stop', error }] as never,
      () => ' on engine-a',
    );
    expect(banner?.title).toBe("Couldn't stop web on engine-a");
    expect(selectedScope(1)).toBe('1 selected container');
    expect(selectedScope(3)).toBe('3 selected containers');
  });
});

describe('RemoveOptions (remove one or many containers)', () => {
  it('offers Force only when its label is given, and reports both boxes', () => {
    const onChange = vi.fn();
    const value: RemoveChoice = { force: false, volumes: false };
    let el = render(
      <RemoveOptions value={value} onChange={onChange} forceLabel={undefined} volumesLabel="Also volumes" />,
    );
    expect(labelsOf(el)).toEqual(['Also volumes']);
    el = render(
      <RemoveOptions
        value={value}
        onChange={onChange}
        forceLabel="Force (2 running)"
        volumesLabel="Also volumes"
      />,
    );
    expect(labelsOf(el)).toEqual(['Force (2 running)', 'Also volumes']);
    const [force, volumes] = [...el.querySelectorAll('input')];
    force?.click();
    expect(onChange).toHaveBeenLastCalledWith({ force: true, volumes: false });
    volumes?.click();
    expect(onChange).toHaveBeenLastCalledWith({ force: false, volumes: true });
  });
});

describe('Timestamp', () => {
  it('shows the short text, the full date on hover and the ISO moment for machines', () => {
    const ms = Date.UTC(2026, 11, 7, 6, 0, 0);
    const el = render(<Timestamp ms={ms} text="3 h" />);
    const time = el.querySelector('time');
    expect(time?.textContent).toBe('3 h');
    expect(time?.getAttribute('datetime')).toBe('2026-12-07T06:00:00.000Z');
    expect(time?.getAttribute('title')).toBe(fullDate(ms));
  });
});
