import { useState } from 'react';
import type { AppErrorShape, HostView } from '@shared/contract';
import { ErrorBanner } from '../../../components/ui/ErrorBanner';
import { toErrorShape } from '../../../lib/errors';
import { useRegistriesStore } from '../../../stores/registries';

/** The stored login a PERMISSION_DENIED names when a host may not receive it. */
export function registryConsentFromError(
  e: AppErrorShape | undefined,
): { registryId: string; registry: string; hostId: string } | undefined {
  if (!e || e.code !== 'PERMISSION_DENIED' || e.data?.registryConsent !== true) return undefined;
  const { registryId, registry, hostId } = e.data;
  if (typeof registryId !== 'string' || typeof hostId !== 'string') return undefined;
  return { registryId, registry: typeof registry === 'string' ? registry : '', hostId };
}

export interface StartErrorProps {
  error: AppErrorShape;
  title: string;
  host: HostView;
  /** Runs the refused operation again once the login is allowed. */
  onRetry(): void;
}

/**
 * Why a pull or push did not start. When the reason is a stored login this host may not receive,
 * it offers to allow it (stored with the login) and tries again.
 */
export function StartError({ error, title, host, onRetry }: StartErrorProps) {
  const allowHost = useRegistriesStore((s) => s.allowHost);
  const [busy, setBusy] = useState(false);
  const [allowError, setAllowError] = useState<AppErrorShape>();
  const consent = registryConsentFromError(error);

  const allow = async () => {
    if (!consent) return;
    setBusy(true);
    setAllowError(undefined);
    try {
      await allowHost(consent.registryId, host.id, true);
      onRetry();
    } catch (e) {
      setAllowError(toErrorShape(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ErrorBanner
      error={allowError ?? error}
      title={allowError ? "Couldn't allow the login" : title}
      tone={consent && !allowError ? 'warning' : 'error'}
      actions={
        consent ? (
          <button type="button" className="button button-small" onClick={() => void allow()} disabled={busy}>
            {busy && <span className="spinner" aria-hidden="true" />}
            Allow for this host
          </button>
        ) : undefined
      }
    />
  );
}
