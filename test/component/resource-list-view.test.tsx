import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppErrorShape } from '@shared/contract';
import { ResourceListView } from '../../src/renderer/src/components/ResourceListView';
import { EmptyState } from '../../src/renderer/src/components/ui/EmptyState';
import { button, cleanup, render } from './render';

const failure: AppErrorShape = { code: 'ENGINE_UNREACHABLE', message: 'connect ECONNREFUSED' };
const load = (p: { fetchedAt?: number; error?: AppErrorShape }, onRetry = () => {}) => ({
  fetchedAt: p.fetchedAt,
  error: p.error,
  noun: 'networks',
  loadingText: 'Loading networks…',
  onRetry,
});

afterEach(cleanup);

describe('ResourceListView', () => {
  it('shows a spinner before the first answer, not the table', () => {
    const el = render(
      <ResourceListView label="Networks on a" toolbar={<h2>Networks</h2>} load={load({})}>
        <table aria-label="Networks" />
      </ResourceListView>,
    );
    expect(el.querySelector('[role="status"]')?.textContent).toContain('Loading networks…');
    expect(el.querySelector('table')).toBeNull();
  });

  it('says a failed first load once, with Try again, and no spinner', () => {
    const retry = vi.fn();
    const el = render(
      <ResourceListView label="Networks on a" toolbar={null} load={load({ error: failure }, retry)}>
        <table aria-label="Networks" />
      </ResourceListView>,
    );
    expect(el.querySelector('[role="alert"]')?.textContent).toContain("Couldn't load networks");
    expect(el.querySelector('[role="status"]')).toBeNull();
    button(el, 'Try again').click();
    expect(retry).toHaveBeenCalledOnce();
  });

  it('keeps the table under a failed refetch, and shows action banners and the empty state', () => {
    const dismiss = vi.fn();
    const withTable = render(
      <ResourceListView
        label="Networks on a"
        toolbar={null}
        load={load({ fetchedAt: 1, error: failure })}
        banners={[{ id: 1, title: "Couldn't remove web", error: failure, onDismiss: dismiss }]}
      >
        <table aria-label="Networks" />
      </ResourceListView>,
    );
    expect(withTable.querySelector('table')).not.toBeNull();
    expect(withTable.querySelectorAll('[role="alert"]')).toHaveLength(2);

    const empty = render(
      <ResourceListView
        label="Networks on a"
        toolbar={null}
        load={load({ fetchedAt: 1 })}
        empty={
          <EmptyState title="No networks match “x”" actions={[{ label: 'Clear search', onClick: dismiss }]} />
        }
      >
        <table aria-label="Networks" />
      </ResourceListView>,
    );
    expect(empty.querySelector('table')).toBeNull();
    button(empty, 'Clear search').click();
    expect(dismiss).toHaveBeenCalledOnce();
  });
});
