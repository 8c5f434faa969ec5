import { z } from 'zod';
import { call } from './define';
import type { HostView } from './hosts';
import { hostIdSchema } from './ids';

/**
 * A Docker CLI context name, with the CLI's own rule (docker/cli store.go): it becomes a folder
 * name's source and a host name, so nothing else is accepted.
 */
export const dockerContextNameSchema = z
  .string()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.+-]{0,62}$/, 'a context name is letters, digits and _ . + - (max 63)');

export interface DockerContextView {
  name: string;
  description: string;
  /** The docker endpoint as the CLI stores it, e.g. "tcp://10.0.0.5:2376 (TLS)". */
  endpoint: string;
  kind: 'socket' | 'tcp' | 'tls' | 'ssh' | 'unknown';
  /** The context `docker` uses now (DOCKER_CONTEXT, else currentContext, else default). */
  current: boolean;
  importable: boolean;
  /** Why it cannot be imported as it is (e.g. it skips TLS verification). */
  reason?: string;
  /** A Berthmaster host with the same endpoint exists. */
  imported: boolean;
}

export interface DockerContextsList {
  /** Where the contexts were read from (~/.docker or DOCKER_CONFIG). */
  configDir: string;
  contexts: DockerContextView[];
}

export interface ContextsImportResult {
  added: HostView[];
  skipped: Array<{ name: string; reason: string }>;
}

export interface ContextExportResult {
  name: string;
  /** The folder holding meta.json. */
  metaPath: string;
  /** A sentence for the user, e.g. about SSH keys the CLI takes from ~/.ssh. */
  note?: string;
}

export const contextsContract = {
  list: call<DockerContextsList>()(z.strictObject({})),
  import: call<ContextsImportResult>()(
    z.strictObject({ names: z.array(dockerContextNameSchema).min(1, 'choose a context').max(200) }),
  ),
  /**
   * A TLS host's client key is written in clear into the CLI's context store, where the CLI ignores
   * Berthmaster's policy: for a limited host it is refused (data.confirmKeyExport) unless
   * `confirmKeyExport` says the user read that warning and agreed.
   */
  export: call<ContextExportResult>()(
    z.strictObject({
      hostId: hostIdSchema,
      name: dockerContextNameSchema,
      confirmKeyExport: z.boolean().default(false),
    }),
  ),
};
