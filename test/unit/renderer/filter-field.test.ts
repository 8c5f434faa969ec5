import { describe, expect, it, vi } from 'vitest';
import { fieldOf } from '../../../src/renderer/src/lib/filter-field';

describe('fieldOf', () => {
  it('reads one field and patches only that field', () => {
    const filter = { hostId: 'a', outcome: '' as '' | 'ok' | 'error', text: 'pull' };
    const patch = vi.fn();
    const outcome = fieldOf(filter, patch, 'outcome');
    expect(outcome.value).toBe('');
    outcome.onChange('error');
    expect(patch).toHaveBeenCalledExactlyOnceWith({ outcome: 'error' });
    expect(fieldOf(filter, patch, 'text').value).toBe('pull');
  });
});
