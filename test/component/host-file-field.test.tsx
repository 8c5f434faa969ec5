import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';

// The load dialog's path field (HostFileField) over a fake transport: the engine's side of
// images.load is tested against the lab engines (integration), not here.
vi.mock('../../src/renderer/src/rpc/api', () => import('./recording-api'));
const { answerInvoke, calls, resetInvoke } = await import('./recording-api');
answerInvoke(() => ({ taskId: 't1' }));

const { LoadDialog } = await import('../../src/renderer/src/views/images/LoadDialog');
const { hostView, settle } = await import('./fixtures');
const { button, cleanup, render, typeInto } = await import('./render');

afterEach(() => {
  cleanup();
  resetInvoke();
});

describe('HostFileField in the Load dialog', () => {
  it('is a required field named by its label; a relative path is refused before anything is sent', async () => {
    const view = render(<LoadDialog host={hostView('h1')} onClose={() => {}} />);
    const field = view.ownerDocument.querySelector<HTMLInputElement>('input[id$="-path"]')!;
    const label = view.ownerDocument.querySelector(`label[for="${field.id}"]`);
    expect(label?.textContent).toContain('Tar file');
    expect(field.required).toBe(true);
    typeInto(field, 'app.tar');
    act(() => button(view.ownerDocument.body, 'Load').click());
    await settle();
    expect(view.ownerDocument.body.textContent).toContain('the path must be absolute');
    expect(calls).toEqual([]);
    typeInto(field, '/tmp/app.tar');
    act(() => button(view.ownerDocument.body, 'Load').click());
    await settle();
    expect(calls).toEqual([{ method: 'images.load', input: { hostId: 'h1', path: '/tmp/app.tar' } }]);
  });
});
