import { describe, expect, it } from 'vitest';
import { removalWaves } from '../../src/main/services/stacks/dependency-order';

describe('removalWaves (down order)', () => {
  it('takes dependents down before what they depend on', () => {
    const deps = new Map([
      ['db', []],
      ['api', ['db']],
      ['web', ['api', 'db']],
      ['worker', ['db']],
    ]);
    expect(removalWaves(deps)).toEqual([['web', 'worker'], ['api'], ['db']]);
  });

  it('ignores dependencies on services with no container, and ends a cycle in one wave', () => {
    expect(removalWaves(new Map([['web', ['gone']]]))).toEqual([['web']]);
    const cycle = new Map([
      ['a', ['b']],
      ['b', ['a']],
      ['c', ['a']],
    ]);
    expect(removalWaves(cycle)).toEqual([['c'], ['a', 'b']]);
  });
});
