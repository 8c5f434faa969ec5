import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContainerSummary } from '@shared/contract';
import { BulkBar } from '../../src/renderer/src/views/containers/BulkBar';
import { checkPolicy } from '../../src/renderer/src/lib/policy';
import { button, cleanup, render } from './render';

const container = (name: string, state: ContainerSummary['state']) =>
  ({ id: name, name, state, labels: {} }) as unknown as ContainerSummary;

afterEach(cleanup);

describe('BulkBar', () => {
  it('offers only what applies to the selection', () => {
    const el = render(
      <BulkBar
        selected={[container('web', 'running')]}
        busy={undefined}
        onAction={() => {}}
        onClear={() => {}}
      />,
    );
    expect(button(el, 'Start selected').disabled).toBe(true);
    expect(button(el, 'Stop selected').disabled).toBe(false);
    expect(button(el, 'Resume selected').disabled).toBe(true);
    expect(button(el, 'Kill selected').textContent).toContain('Kill…');
  });

  it("disables what the host's policy forbids, says why, and swallows the click", () => {
    const onAction = vi.fn();
    const el = render(
      <BulkBar
        selected={[container('web', 'running')]}
        busy={undefined}
        onAction={onAction}
        onClear={() => {}}
        allowed={(a) => checkPolicy('restricted', `containers.bulk`, { action: a })}
      />,
    );
    const remove = button(el, 'Remove selected');
    expect(remove.getAttribute('aria-disabled')).toBe('true');
    expect(remove.title).toMatch(/^Restricted host: /);
    remove.click();
    expect(onAction).not.toHaveBeenCalled();
    button(el, 'Stop selected').click();
    expect(onAction).toHaveBeenCalledWith('stop');
  });
});
