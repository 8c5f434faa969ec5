import { afterEach, describe, expect, it } from 'vitest';
import { ErrorBanner } from '../../src/renderer/src/components/ui/ErrorBanner';
import { errorTitle } from '../../src/renderer/src/lib/errors';
import { cleanup, render } from './render';

afterEach(cleanup);

describe('ErrorBanner', () => {
  it('is an alert that names the error, says the message and keeps the detail behind a toggle', () => {
    const error = { code: 'ENGINE_UNREACHABLE' as const, message: 'connect ECONNREFUSED', detail: 'stack…' };
    const el = render(<ErrorBanner error={error} title="Couldn't stop web-1" />);
    const alert = el.querySelector('[role="alert"]');
    expect(alert?.querySelector('.banner-title')?.textContent).toBe(
      `Couldn't stop web-1: ${errorTitle(error)}`,
    );
    expect(alert?.querySelector('.banner-message')?.textContent).toBe('connect ECONNREFUSED');
    expect(alert?.querySelector('details summary')?.textContent).toBe('Details');
  });
});
