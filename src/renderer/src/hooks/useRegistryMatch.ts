import { useEffect, useState } from 'react';
import { parseImageReference, type RegistryMatch } from '@shared/contract';
import { api } from '../rpc/api';

/** Which registry a reference points at and which stored login goes with it (debounced). */
export function useRegistryMatch(reference: string): RegistryMatch | undefined {
  const [match, setMatch] = useState<RegistryMatch>();
  const valid = parseImageReference(reference).ok;
  useEffect(() => {
    if (!valid) {
      setMatch(undefined);
      return;
    }
    let live = true;
    const t = window.setTimeout(() => {
      api.registries.match({ reference: reference.trim() }).then(
        (m) => live && setMatch(m),
        () => live && setMatch(undefined),
      );
    }, 200);
    return () => {
      live = false;
      window.clearTimeout(t);
    };
  }, [reference, valid]);
  return match;
}

export function loginHint(match: RegistryMatch | undefined): string | undefined {
  if (!match) return undefined;
  if (match.login) {
    return `Registry ${match.registry}: the stored login${match.login.username ? ` of ${match.login.username}` : ''} is used.`;
  }
  return `Registry ${match.registry}: no stored login, so the engine goes without credentials.`;
}
