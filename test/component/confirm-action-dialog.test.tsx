import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';

// The dialog's own logic over a fake transport: what the engine decides is not in question here.
let fail = true;
vi.mock('../../src/renderer/src/rpc/api', () => import('./recording-api'));
const { answerInvoke, calls } = await import('./recording-api');
answerInvoke(() => {
  if (fail) throw Object.assign(new Error('network n1 has active endpoints'), { code: 'CONFLICT' });
});

const { ConfirmActionDialog } = await import('../../src/renderer/src/components/ConfirmActionDialog');
const { NETWORK_ACTIONS } = await import('../../src/renderer/src/actions/network-actions');
const { useUiStore } = await import('../../src/renderer/src/stores/ui');
const { button, cleanup, render } = await import('./render');

afterEach(cleanup);

describe('ConfirmActionDialog', () => {
  it('runs the descriptor call, keeps the dialog open on failure, then toasts, refetches and closes', async () => {
    const refetch = vi.fn();
    const onClose = vi.fn();
    const toast = vi.spyOn(useUiStore.getState(), 'toast');
    const el = render(
      <ConfirmActionDialog
        action={NETWORK_ACTIONS.remove}
        target={{ hostId: 'h1', id: 'n1' }}
        options={{}}
        subject="network web"
        refetch={refetch}
        onClose={onClose}
      >
        <p>The network web is deleted.</p>
      </ConfirmActionDialog>,
    );
    const doc = el.ownerDocument;
    // Title and toast are worded from the descriptor (Remove / removed) and the subject.
    expect(doc.body.textContent).toContain('Remove network web?');
    const confirm = () => button(doc.body, 'Remove');
    await act(async () => confirm().click());
    expect(calls).toEqual([{ method: 'networks.remove', input: { hostId: 'h1', id: 'n1' } }]);
    expect(doc.body.textContent).toContain('network n1 has active endpoints');
    expect(onClose).not.toHaveBeenCalled();

    fail = false;
    await act(async () => confirm().click());
    expect(refetch).toHaveBeenCalledOnce();
    expect(toast).toHaveBeenCalledWith('Removed network web.');
    expect(onClose).toHaveBeenCalledOnce();
  });
});
