import { answer, CallError, callsOf, resetBridge } from './fake-bridge';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useHostsStore } from '../../src/renderer/src/stores/hosts';
import { useSwarmStore } from '../../src/renderer/src/stores/swarm';
import { useUiStore } from '../../src/renderer/src/stores/ui';
import { ScaleDialog } from '../../src/renderer/src/views/swarm/ServiceDialogs';
import { ServicesPanel } from '../../src/renderer/src/views/swarm/ServicesPanel';
import { hostView, managerInfo, service, settle } from './fixtures';
import { button, cleanup, render } from './render';

function typeInto(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  setter?.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

beforeEach(() => {
  resetBridge();
  useSwarmStore.setState({ byHost: {} });
  useUiStore.setState({ toasts: [] });
  useHostsStore.setState({ hosts: [hostView('m'), hostView('ro', 'read-only')] });
  answer('swarm.info', () => managerInfo);
  answer('swarm.nodes', () => []);
  answer('swarm.services', () => [service('web')]);
  answer('swarm.tasks', () => []);
});
afterEach(cleanup);

describe('swarm dialogs through useMutation', () => {
  it('a refused scale shows the engine error in the dialog and leaves it open to try again', async () => {
    answer('swarm.serviceScale', () => {
      throw new CallError({ code: 'CONFLICT', message: 'update out of sequence' });
    });
    const el = render(<ScaleDialog hostId="m" service={service('web')} nodes={[]} onClose={() => {}} />);
    const replicas = document.querySelector<HTMLInputElement>('input[type="number"]');
    act(() => typeInto(replicas!, '3'));
    await act(async () => {
      button(document.body, 'Scale').click();
      await settle();
    });
    const alert = document.querySelector('[role="alert"]');
    expect(alert?.querySelector('.banner-title')?.textContent).toMatch(/^Could not scale/);
    expect(alert?.querySelector('.banner-message')?.textContent).toBe('update out of sequence');
    expect(callsOf('swarm.serviceScale')).toEqual([{ hostId: 'm', id: 'svc-web', replicas: 3 }]);
    // Not busy any more, still the form: the user can change the number and try again.
    expect(button(document.body, 'Scale').disabled).toBe(false);
    expect(useUiStore.getState().toasts).toEqual([]);
    expect(callsOf('swarm.info')).toEqual([]);
    el.remove();
  });

  it('a scale the engine takes is toasted and refetches the swarm', async () => {
    answer('swarm.serviceScale', () => undefined);
    render(<ScaleDialog hostId="m" service={service('web')} nodes={[]} onClose={() => {}} />);
    await act(async () => {
      button(document.body, 'Scale').click();
      await settle();
    });
    expect(document.querySelector('[role="alert"]')).toBeNull();
    expect(useUiStore.getState().toasts.map((t) => t.text)).toEqual(['Scaling web to 2.']);
    expect(callsOf('swarm.info')).toEqual([{ hostId: 'm' }]);
    // The form gives way to the tasks following the change, and one button closes.
    expect(button(document.body, 'Close')).toBeTruthy();
  });
});

describe('policy-disabled swarm controls', () => {
  it('on a read-only host the service actions say why they are off and do nothing', async () => {
    const el = render(
      <ServicesPanel hostId="ro" cluster={{ services: [service('web')], nodes: [], tasks: [] }} />,
    );
    const create = button(el, 'Create service');
    expect(create.getAttribute('aria-disabled')).toBe('true');
    expect(create.title).toMatch(/^Read-only host: /);
    const remove = button(el, 'Remove web');
    expect(remove.getAttribute('aria-disabled')).toBe('true');
    act(() => remove.click());
    expect(document.querySelector('[role="dialog"]')).toBeNull();
  });

  it('on a host with full access the same control opens its dialog', () => {
    const el = render(
      <ServicesPanel hostId="m" cluster={{ services: [service('web')], nodes: [], tasks: [] }} />,
    );
    const remove = button(el, 'Remove web');
    expect(remove.getAttribute('aria-disabled')).toBeNull();
    act(() => remove.click());
    expect(document.querySelector('[role="dialog"]')?.textContent).toContain('Remove web?');
  });
});
