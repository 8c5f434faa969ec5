import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImageSummary, NetworkSummary } from '@shared/contract';
import { RowActions } from '../../src/renderer/src/components/ui/RowActions';
import { IMAGE_ROW_ACTIONS } from '../../src/renderer/src/actions/image-actions';
import { actionsFor } from '../../src/renderer/src/actions/define';
import { BUILTIN_REASON, NETWORK_ACTIONS } from '../../src/renderer/src/actions/network-actions';
import { checkPolicy } from '../../src/renderer/src/lib/policy';
import { button, cleanup, render } from './render';

afterEach(cleanup);

const image = (dangling: boolean) => ({ id: 'sha256:1', dangling, repoTags: [] }) as unknown as ImageSummary;
const network = (builtin: boolean) => ({ id: 'n1', name: 'net', builtin }) as unknown as NetworkSummary;

describe('RowActions (descriptor-driven row icons)', () => {
  it('draws one named button per row descriptor and reports its id', () => {
    const onAction = vi.fn();
    const el = render(
      <RowActions
        actions={IMAGE_ROW_ACTIONS}
        item={image(false)}
        name="app:1"
        allowed={() => ({ ok: true })}
        onAction={onAction}
      />,
    );
    expect([...el.querySelectorAll('button')].map((b) => b.getAttribute('aria-label'))).toEqual([
      'Tag app:1',
      'Push app:1',
      'Copy to another host app:1',
      'Save to a file app:1',
      'Remove app:1',
    ]);
    button(el, 'Push app:1').click();
    expect(onAction).toHaveBeenCalledWith('push', expect.anything());
  });

  it('disables an action that does not apply, saying why', () => {
    const el = render(
      <RowActions
        actions={IMAGE_ROW_ACTIONS}
        item={image(true)}
        name="x"
        allowed={() => ({ ok: true })}
        onAction={() => {}}
      />,
    );
    const push = button(el, 'Push x');
    expect(push.disabled).toBe(true);
    expect(push.title).toBe('Push: the image needs a tag first');
    const net = render(
      <RowActions
        actions={actionsFor(NETWORK_ACTIONS, 'row')}
        item={network(true)}
        name="bridge"
        allowed={() => ({ ok: true })}
        onAction={() => {}}
      />,
    );
    expect(button(net, 'Remove bridge').title).toBe(BUILTIN_REASON);
  });

  it("blocks what the host's policy forbids and swallows the click", () => {
    const onAction = vi.fn();
    const el = render(
      <RowActions
        actions={actionsFor(NETWORK_ACTIONS, 'row')}
        item={network(false)}
        name="net"
        allowed={(m) => checkPolicy('read-only', m)}
        onAction={onAction}
      />,
    );
    const remove = button(el, 'Remove net');
    expect(remove.getAttribute('aria-disabled')).toBe('true');
    remove.click();
    expect(onAction).not.toHaveBeenCalled();
  });
});
