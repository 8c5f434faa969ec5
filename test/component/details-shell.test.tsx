import { afterEach, describe, expect, it, vi } from 'vitest';
import { DetailsHeader } from '../../src/renderer/src/components/ui/DetailsHeader';
import { ErrorBannerRow } from '../../src/renderer/src/components/ui/ErrorBannerRow';
import { createdAndLabels, FactList } from '../../src/renderer/src/components/ui/FactList';
import { MonoCell, rowActionsColumn } from '../../src/renderer/src/components/ui/TableCells';
import { actionsFor } from '../../src/renderer/src/actions/define';
import { NETWORK_ACTIONS } from '../../src/renderer/src/actions/network-actions';
import { button, cleanup, render } from './render';

afterEach(cleanup);

describe('DetailsHeader', () => {
  it('goes back to its list and titles the page', () => {
    const back = vi.fn();
    const el = render(
      <DetailsHeader back="Volumes" onBack={back} title="data" titleClassName="truncate">
        <span>badge</span>
      </DetailsHeader>,
    );
    button(el, '← Volumes').click();
    expect(back).toHaveBeenCalledOnce();
    expect(el.querySelector('h2')?.className).toBe('details-title truncate');
    expect(el.querySelector('header')?.textContent).toContain('badge');
  });
});

describe('ErrorBannerRow', () => {
  it('is nothing without an error, and a titled banner in the banners row with one', () => {
    expect(render(<ErrorBannerRow error={undefined} title="Couldn't save" />).innerHTML).toBe('');
    const el = render(
      <ErrorBannerRow error={{ code: 'ENGINE_UNREACHABLE', message: 'refused' }} title="Couldn't save" />,
    );
    expect(el.querySelector('.banners [role="alert"]')?.textContent).toContain("Couldn't save");
  });
});

describe('FactList', () => {
  it('lists the facts given, skips the falsy ones, and ends with created and labels', () => {
    const el = render(
      <FactList
        facts={[
          { term: 'ID', value: 'abc', valueClassName: 'mono', title: 'abcdef' },
          false,
          { term: 'Mountpoint', value: '—', className: 'fact-wide' },
          ...createdAndLabels({ created: undefined, labels: { team: 'a' } }),
        ]}
      />,
    );
    expect([...el.querySelectorAll('dt')].map((d) => d.textContent)).toEqual([
      'ID',
      'Mountpoint',
      'Created',
      'Labels',
    ]);
    const id = el.querySelector('dd');
    expect(id?.className).toBe('mono');
    expect(id?.getAttribute('title')).toBe('abcdef');
    expect(el.querySelectorAll('dd')[2]?.textContent).toBe('—');
    expect(el.querySelectorAll('dd')[3]?.textContent).toContain('team=a');
  });
});

describe('TableCells', () => {
  it('shows a dash for an empty monospace value', () => {
    const el = render(<MonoCell text="" muted />);
    expect(el.textContent).toBe('—');
    expect(el.querySelector('span')?.className).toBe('truncate mono-soft muted');
  });

  it("names a row's action buttons by the row and hands back the row", () => {
    const onAction = vi.fn();
    const net = { id: 'n1', name: 'backend', builtin: false };
    const column = rowActionsColumn<typeof net>(
      actionsFor(NETWORK_ACTIONS, 'row'),
      () => ({ ok: true }),
      onAction,
    );
    expect(column).toMatchObject({ id: 'actions', label: 'Actions', hideLabel: true });
    const el = render(<>{column.render(net)}</>);
    button(el, 'Remove backend').click();
    expect(onAction).toHaveBeenCalledWith('remove', net);
  });
});
