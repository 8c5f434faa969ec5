import { useHostsStore } from '../stores/hosts';

/** A host's name by id for lists that span hosts; the id itself once the host is gone. */
export function useHostName(): (hostId: string) => string {
  const hosts = useHostsStore((s) => s.hosts);
  return (hostId) => hosts.find((h) => h.id === hostId)?.name ?? hostId;
}
