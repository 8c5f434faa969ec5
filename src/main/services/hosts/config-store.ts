import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  endpointSchema,
  hostColorSchema,
  hostIdSchema,
  hostLabelsSchema,
  hostNameSchema,
  hostPolicySchema,
  allowedBindPathsSchema,
} from '@shared/contract';
import type { SecretBox } from '../../security/secret-box';
import { openEndpoint, sealEndpoint } from './sealed-endpoint';
import { writeJsonAtomic } from '../../write-json-atomic';

export const CONFIG_VERSION = 1;

const storedHostSchema = z.object({
  id: hostIdSchema,
  name: hostNameSchema,
  color: hostColorSchema,
  endpoint: endpointSchema,
  policy: hostPolicySchema.default('full'),
  production: z.boolean().default(false),
  labels: hostLabelsSchema.default([]),
  allowedBindPaths: allowedBindPathsSchema.optional(),
});
export type StoredHost = z.output<typeof storedHostSchema>;

/** On disk, secrets are sealed strings: checked as hosts only after they were opened. */
const diskHostSchema = z
  .object({
    id: hostIdSchema,
    endpoint: z.record(z.string(), z.unknown()),
  })
  .loose();

const diskFileSchema = z.object({
  version: z.literal(CONFIG_VERSION),
  hosts: z.array(diskHostSchema),
  knownHosts: z.array(z.string()).default([]),
});

const fileSchema = z.object({
  version: z.literal(CONFIG_VERSION),
  hosts: z.array(storedHostSchema),
  /** Host keys the user accepted in Berthmaster: "host:port keytype base64". */
  knownHosts: z.array(z.string()).default([]),
});
export type ConfigFile = z.output<typeof fileSchema>;

export interface LoadResult {
  config: ConfigFile | undefined;
  /** Set when the file existed but could not be used; it was moved aside to `backupPath`. */
  problem?: { message: string; backupPath: string };
}

/**
 * Hosts and accepted host keys, as one versioned JSON file. Writes go to a temp file that is
 * fsynced and renamed over the old one, so a crash leaves either the old or the new file.
 */
export class ConfigStore {
  readonly file: string;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    readonly dir: string,
    private readonly secrets?: SecretBox,
  ) {
    this.file = path.join(dir, 'hosts.json');
  }

  /** Opens the sealed secrets of a file's hosts, then checks everything as usual. */
  private async openSecrets(json: unknown): Promise<unknown> {
    const disk = diskFileSchema.safeParse(json);
    if (!disk.success || !this.secrets) return json;
    const box = this.secrets;
    const hosts = await Promise.all(
      disk.data.hosts.map(async (h) => ({ ...h, endpoint: await openEndpoint(h.id, h.endpoint, box) })),
    );
    return { ...disk.data, hosts };
  }

  async load(): Promise<LoadResult> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { config: undefined };
      throw e;
    }
    let reason: string;
    try {
      const parsed = fileSchema.safeParse(await this.openSecrets(JSON.parse(text)));
      if (parsed.success) return { config: parsed.data };
      const versioned = (JSON.parse(text) as { version?: unknown }).version;
      reason =
        versioned !== CONFIG_VERSION
          ? `it has version ${String(versioned)}, this Berthmaster reads version ${CONFIG_VERSION}`
          : `it does not match the expected format (${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? ''})`;
    } catch (e) {
      reason =
        e instanceof SyntaxError
          ? `it is not valid JSON (${e.message})`
          : `its secrets could not be opened (${(e as Error).message})`;
    }
    const backupPath = `${this.file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await fs.rename(this.file, backupPath);
    return {
      config: undefined,
      problem: {
        message: `The hosts file ${this.file} could not be read: ${reason}. It was kept as ${backupPath}.`,
        backupPath,
      },
    };
  }

  /** Serialised: concurrent saves land in call order. */
  save(config: ConfigFile): Promise<void> {
    const next = this.writing.then(() => this.writeAtomic(config));
    this.writing = next.catch(() => undefined);
    return next;
  }

  private async writeAtomic(config: ConfigFile): Promise<void> {
    const box = this.secrets;
    const onDisk = box
      ? {
          ...config,
          hosts: await Promise.all(
            config.hosts.map(async (h) => ({ ...h, endpoint: await sealEndpoint(h.id, h.endpoint, box) })),
          ),
        }
      : config;
    await writeJsonAtomic(this.dir, this.file, onDisk);
  }
}
