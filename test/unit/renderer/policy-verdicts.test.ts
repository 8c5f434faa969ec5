import type { MouseEvent } from 'react';
import { describe, expect, it } from 'vitest';
import { contract, type HostPolicy } from '@shared/contract';
import { accessOf, policyAllows } from '../../../src/shared/policy/method-access';
import { checkPolicy, guard, POLICY_SUMMARIES } from '../../../src/renderer/src/lib/policy';
import { containerActionMethod, withoutForbidden } from '../../../src/renderer/src/actions/container-actions';

const POLICIES: HostPolicy[] = ['full', 'restricted', 'read-only'];

describe('renderer policy helper', () => {
  it('agrees with the table main enforces, for every contract method and policy', () => {
    for (const [ns, members] of Object.entries(contract)) {
      for (const member of Object.keys(members)) {
        const method = `${ns}.${member}`;
        const access = accessOf(method);
        for (const policy of POLICIES) {
          const expected = policy === 'full' || (access !== undefined && policyAllows(policy, access));
          expect(checkPolicy(policy, method).ok, `${policy} ${method}`).toBe(expected);
        }
      }
    }
  });

  it('explains a refusal in one sentence naming the policy', () => {
    expect(checkPolicy('read-only', 'containers.remove')).toEqual({
      ok: false,
      reason: 'Read-only host: deleting or pruning is not allowed',
    });
    expect(checkPolicy('read-only', 'containers.stop')).toEqual({
      ok: false,
      reason: 'Read-only host: making changes is not allowed',
    });
    expect(checkPolicy('restricted', 'exec.open')).toEqual({
      ok: false,
      reason: 'Restricted host: shells and attaching are not allowed',
    });
    expect(checkPolicy('restricted', 'containers.stop')).toEqual({ ok: true });
    expect(checkPolicy('read-only', 'containers.list')).toEqual({ ok: true });
  });

  it('fails closed on a method it does not know, except on full hosts', () => {
    expect(checkPolicy('restricted', 'containers.teleport')).toEqual({
      ok: false,
      reason: 'Restricted host: this action is not allowed',
    });
    expect(checkPolicy('full', 'containers.teleport').ok).toBe(true);
  });

  it('reads a bulk action by what it does: bulk remove is a delete', () => {
    expect(checkPolicy('restricted', 'containers.bulk', { action: 'stop' }).ok).toBe(true);
    expect(checkPolicy('restricted', 'containers.bulk', { action: 'remove' })).toEqual({
      ok: false,
      reason: 'Restricted host: deleting or pruning is not allowed',
    });
    expect(checkPolicy('read-only', 'containers.bulk', { action: 'start' }).ok).toBe(false);
  });

  it('guard() leaves allowed buttons alone and disables forbidden ones with the reason', () => {
    expect(guard({ ok: true })).toEqual({});
    expect(guard({ ok: true }, 'Stop')).toEqual({ title: 'Stop' });
    const g = guard({ ok: false, reason: 'Read-only host: making changes is not allowed' }, 'Stop');
    expect(g['aria-disabled']).toBe(true);
    expect(g.title).toBe('Read-only host: making changes is not allowed');
    let prevented = 0;
    let stopped = 0;
    const event = {
      preventDefault: () => prevented++,
      stopPropagation: () => stopped++,
    } as unknown as MouseEvent<HTMLElement>;
    g.onClickCapture?.(event);
    expect([prevented, stopped]).toEqual([1, 1]);
  });

  it('maps every container menu entry to its contract method', () => {
    for (const id of [
      'start',
      'stop',
      'restart',
      'pause',
      'unpause',
      'kill',
      'rename',
      'remove',
      'recreate',
    ]) {
      const method = containerActionMethod(id);
      expect(method, id).toBeDefined();
      expect(accessOf(method ?? ''), id).toBeDefined();
    }
    expect(containerActionMethod('stop-timeout')).toBe('containers.stop');
    expect(containerActionMethod('terminal')).toBe('exec.open');
  });

  it('drops forbidden menu entries and keeps those with no engine call', () => {
    const items = ['details', 'pause', 'stop-timeout', 'kill', 'rename', 'recreate'].map((id) => ({ id }));
    const ids = (policy: HostPolicy) =>
      withoutForbidden(items, (m, i) => checkPolicy(policy, m, i)).map((i) => i.id);
    expect(ids('full')).toEqual(['details', 'pause', 'stop-timeout', 'kill', 'rename', 'recreate']);
    expect(ids('restricted')).toEqual(['details', 'pause', 'stop-timeout', 'kill', 'rename']);
    expect(ids('read-only')).toEqual(['details']);
  });

  it('has a summary for every policy', () => {
    for (const p of POLICIES) expect(POLICY_SUMMARIES[p].length).toBeGreaterThan(10);
  });
});
