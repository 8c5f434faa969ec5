import { hostNameOf } from '../lib/host-name';
import { useHostsStore } from '../stores/hosts';

/** One host's name, re-rendering only when that name changes; `fallback` for a host since removed. */
export function useHostName(id: string, fallback: string): string {
  return useHostsStore((s) => hostNameOf(s.hosts, id, fallback));
}
