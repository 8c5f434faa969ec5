import type { AppErrorShape, HostPolicy, HostsSnapshot } from '@shared/contract';
import { ACCESS_VERBS, policyAllows, type Access } from '@shared/policy/method-access';

interface Binding {
  hostId: string;
  /** What the session does on its host: a terminal is 'exec', an upload 'browse'. */
  access: Access;
  /** Ends the session now (if it is live), with the reason its owner shows. */
  end(reason: AppErrorShape): void;
}

/**
 * Which host each live session (terminal, upload) belongs to. The policy guard resolves a call's
 * `sessionId`/`uploadId` to its host here, so session calls are judged against the host's current
 * policy; and when a host's policy gets stricter, its sessions that the new policy forbids end.
 */
export class SessionHosts {
  private readonly bindings = new Map<string, Binding>();
  private readonly policies = new Map<string, HostPolicy>();

  /** Registers a session; call the result when it is over. */
  bind(id: string, binding: Binding): () => void {
    this.bindings.set(id, binding);
    return () => {
      if (this.bindings.get(id) === binding) this.bindings.delete(id);
    };
  }

  hostOf(id: string): string | undefined {
    return this.bindings.get(id)?.hostId;
  }

  get size(): number {
    return this.bindings.size;
  }

  /** The hosts service's watch listener: ends what a changed policy no longer allows. */
  onHosts(snap: HostsSnapshot): void {
    for (const h of snap.hosts) {
      const before = this.policies.get(h.id);
      this.policies.set(h.id, h.policy);
      if (before === undefined || before === h.policy) continue;
      // Ended sessions stay bound until closed: a reopen of one is judged by its host too.
      for (const b of [...this.bindings.values()]) {
        if (b.hostId !== h.id || policyAllows(h.policy, b.access)) continue;
        b.end({
          code: 'PERMISSION_DENIED',
          message: `Ended: ${h.name} is now ${h.policy}, which does not allow ${ACCESS_VERBS[b.access]}.`,
          data: { policy: h.policy, hostId: h.id },
        });
      }
    }
  }
}
