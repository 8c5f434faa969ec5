import { afterEach, describe, expect, it } from 'vitest';
import { BulkResults } from '../../src/renderer/src/views/containers/BulkResults';
import { cleanup, render } from './render';

afterEach(cleanup);

describe('BulkResults', () => {
  it('lists failures first, each with its error, and counts both', () => {
    const el = render(
      <BulkResults
        outcome={{
          action: 'stop',
          scope: '3 selected containers',
          rows: [
            { id: 'a', name: 'web', ok: true },
            { id: 'b', name: 'db', ok: false, error: { code: 'CONFLICT', message: 'is paused' } },
            { id: 'c', name: 'cache', ok: true },
          ],
        }}
        onDismiss={() => {}}
      />,
    );
    const region = el.querySelector('section');
    expect(region?.getAttribute('aria-label')).toBe('Results of stop');
    expect(region?.querySelector('header')?.textContent).toContain('2 stopped, 1 failed');
    const items = [...el.querySelectorAll('li')].map((li) => li.textContent);
    expect(items[0]).toMatch(/^✕db: .*is paused$/);
    expect(items.slice(1)).toEqual(['✓web: stopped', '✓cache: stopped']);
  });
});
