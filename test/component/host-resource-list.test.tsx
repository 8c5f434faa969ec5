import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HostResourceList, type ToolbarDialogBase } from '../../src/renderer/src/components/HostResourceList';
import { actionsFor } from '../../src/renderer/src/actions/define';
import { NETWORK_ACTIONS } from '../../src/renderer/src/actions/network-actions';
import type { HostList } from '../../src/renderer/src/hooks/useHostList';
import { checkPolicy } from '../../src/renderer/src/lib/policy';
import type { HostLoad } from '../../src/renderer/src/stores/resource-store';
import { hostView } from './fixtures';
import { button, cleanup, render } from './render';

afterEach(cleanup);

const TOOLBAR = actionsFor(NETWORK_ACTIONS, 'toolbar');

function list(data: Partial<HostLoad>, over: Partial<HostList<HostLoad>> = {}): HostList<HostLoad> {
  const host = hostView('a');
  return {
    config: {
      empty: { loading: false, error: undefined, fetchedAt: undefined },
      title: 'Networks',
      searchPlaceholder: 'Name',
    },
    host,
    can: { policy: 'full', production: false, allowed: (m) => checkPolicy('full', m) },
    data: { loading: false, error: undefined, fetchedAt: 1, ...data },
    refetch: () => {},
    search: '',
    setSearch: () => {},
    ...over,
  };
}

/** A dialog that shows what the shell gave it and closes itself. */
function Probe({ name, base }: { name: string; base: ToolbarDialogBase }) {
  return (
    <div role="dialog" aria-label={`${name} on ${base.hostName} (${base.hostId})`}>
      <button type="button" onClick={base.onClose}>
        Close {name}
      </button>
    </div>
  );
}

describe('HostResourceList', () => {
  it('names the section and the search from the config, and spins on the first load', () => {
    const el = render(
      <HostResourceList list={list({ fetchedAt: undefined })} count="0 networks">
        <table aria-label="Networks" />
      </HostResourceList>,
    );
    expect(el.querySelector('section')?.getAttribute('aria-label')).toBe('Networks on host a');
    const search = el.querySelector('input');
    expect(el.querySelector(`label[for="${search?.id}"]`)?.textContent).toBe('Search networks');
    expect(search?.placeholder).toBe('Name');
    expect(el.querySelector('[role="status"]')?.textContent).toContain('Loading networks…');
    expect(el.querySelector('table')).toBeNull();
  });

  it('opens the dialog of the command clicked, with the host, and closes it', () => {
    const el = render(
      <HostResourceList
        list={list({})}
        count="2 networks"
        commands={{
          actions: TOOLBAR,
          dialogs: {
            create: (base) => <Probe name="create" base={base} />,
            prune: (base) => <Probe name="prune" base={base} />,
          },
        }}
      >
        <table aria-label="Networks" />
      </HostResourceList>,
    );
    expect(el.querySelector('[role="dialog"]')).toBeNull();
    act(() => button(el, 'Prune unused…').click());
    expect(el.querySelector('[role="dialog"]')?.getAttribute('aria-label')).toBe('prune on host a (a)');
    act(() => button(el, 'Close prune').click());
    expect(el.querySelector('[role="dialog"]')).toBeNull();
    act(() => button(el, 'Create network').click());
    expect(el.querySelector('[role="dialog"]')?.getAttribute('aria-label')).toBe('create on host a (a)');
  });

  it("guards commands by the host's policy and by `disabled`", () => {
    const el = render(
      <HostResourceList
        list={list(
          {},
          { can: { policy: 'read-only', production: false, allowed: (m) => checkPolicy('read-only', m) } },
        )}
        count="2 networks"
        commands={{ actions: TOOLBAR, disabled: (id) => id === 'prune', dialogs: {} }}
      >
        <table aria-label="Networks" />
      </HostResourceList>,
    );
    expect(button(el, 'Create network').getAttribute('aria-disabled')).toBe('true');
    expect(button(el, 'Prune unused…').disabled).toBe(true);
  });

  it('shows the empty state instead of the table, and Refresh refetches', () => {
    const refetch = vi.fn();
    const el = render(
      <HostResourceList list={list({}, { refetch })} count="0 networks" empty={<p>No networks match</p>}>
        <table aria-label="Networks" />
      </HostResourceList>,
    );
    expect(el.textContent).toContain('No networks match');
    expect(el.querySelector('table')).toBeNull();
    act(() => button(el, 'Refresh').click());
    expect(refetch).toHaveBeenCalledOnce();
  });
});
