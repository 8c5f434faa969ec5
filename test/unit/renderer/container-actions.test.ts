import { describe, expect, it } from 'vitest';
import { accessOf } from '../../../src/shared/policy/method-access';
import {
  CONTAINER_ACTIONS,
  actionText,
  containerActionsFor,
  withoutForbidden,
} from '../../../src/renderer/src/actions/container-actions';
import { checkPolicy } from '../../../src/renderer/src/lib/policy';

describe('container action descriptors', () => {
  it('every action names a method the policy table classifies', () => {
    for (const a of Object.values(CONTAINER_ACTIONS)) expect(accessOf(a.method), a.id).toBeDefined();
  });

  it('the bulk bar lists start … remove in order, asking first for kill and remove', () => {
    const bulk = containerActionsFor('bulk');
    expect(bulk.map((a) => a.id)).toEqual(['start', 'stop', 'restart', 'pause', 'unpause', 'kill', 'remove']);
    expect(bulk.map(actionText)).toEqual(['Start', 'Stop', 'Restart', 'Pause', 'Resume', 'Kill…', 'Remove…']);
  });

  it("a running container's menu offers pause, stop with timeout, kill, rename, recreate, move, clone, forward", () => {
    const menu = containerActionsFor('menu').filter((a) => a.appliesTo({ state: 'running' }));
    expect(menu.map(actionText)).toEqual([
      'Pause',
      'Stop with timeout…',
      'Kill…',
      'Rename…',
      'Edit and recreate…',
      'Move to host…',
      'Clone to host…',
      'Forward port…',
    ]);
    const exited = containerActionsFor('menu').filter((a) => a.appliesTo({ state: 'exited' }));
    expect(exited.map((a) => a.id)).toEqual(['rename', 'recreate', 'move', 'clone']);
  });

  it('each action takes its words from the verb table and its method from its id where it is a plain call', () => {
    expect(CONTAINER_ACTIONS.unpause).toMatchObject({
      method: 'containers.unpause',
      icon: 'unpause',
      label: 'Resume',
      busy: 'Resuming…',
      failed: 'resume',
      done: 'resumed',
    });
    expect(CONTAINER_ACTIONS.forward).toMatchObject({ confirm: 'forward', failed: 'forward a port of' });
    expect(CONTAINER_ACTIONS.remove).toMatchObject({ icon: 'remove', danger: true, toast: true });
    expect(CONTAINER_ACTIONS.start.input?.({ hostId: 'h', id: 'c' }, {})).toEqual({ hostId: 'h', id: 'c' });
  });

  it('builds each call input from the target and options', () => {
    const t = { hostId: 'h', id: 'c' };
    expect(CONTAINER_ACTIONS.kill.input?.(t, {})).toEqual({ ...t, signal: 'SIGKILL' });
    expect(CONTAINER_ACTIONS.stop.input?.(t, { timeoutSec: 3 })).toEqual({ ...t, timeoutSec: 3 });
    expect(CONTAINER_ACTIONS.remove.input?.(t, { force: true })).toEqual({
      ...t,
      force: true,
      volumes: false,
    });
  });

  it('read-only and restricted hosts lose Forward port (it reaches as far as a shell)', () => {
    const items = [{ id: 'details' }, { id: 'forward' }];
    for (const policy of ['read-only', 'restricted'] as const) {
      const kept = withoutForbidden(items, (m, input) => checkPolicy(policy, m, input));
      expect(kept.map((i) => i.id)).toEqual(['details']);
    }
    expect(withoutForbidden(items, (m, input) => checkPolicy('full', m, input))).toEqual(items);
  });

  it('a restricted host loses kill from the menu (the policy reads the descriptor method)', () => {
    const items = [{ id: 'details' }, { id: 'pause' }, { id: 'kill' }, { id: 'rename' }];
    const kept = withoutForbidden(items, (m, input) => checkPolicy('read-only', m, input));
    expect(kept.map((i) => i.id)).toEqual(['details']);
  });
});
