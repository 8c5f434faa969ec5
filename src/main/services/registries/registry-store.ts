import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError, hostIdSchema, registryIdSchema } from '@shared/contract';
import { writeJsonAtomic } from '../../write-json-atomic';

export const REGISTRIES_FILE = 'registries.json';

const storedSchema = z.object({
  id: registryIdSchema,
  address: z.string().min(1),
  username: z.string(),
  secretKind: z.enum(['password', 'identity-token']),
  /** Sealed by the SecretBox: never the plain secret. */
  secret: z.string().min(1),
  importedFrom: z.string().optional(),
  /**
   * Hosts the user allowed to receive this login, each with the endpoint it had when allowed: the
   * consent is for that engine, so editing the host's address voids it. Entries of earlier
   * versions (a bare host id) are bound to the host's endpoint when first loaded (RegistryService).
   */
  allowedHosts: z
    .array(
      z.union([
        hostIdSchema.transform((hostId) => ({ hostId, endpoint: '' })),
        z.object({ hostId: hostIdSchema, endpoint: z.string().max(4096) }),
      ]),
    )
    .default([]),
});
export type StoredRegistry = z.output<typeof storedSchema>;

const fileSchema = z.object({ version: z.literal(1), registries: z.array(storedSchema) });

/** Registry logins as one JSON file (0600) next to hosts.json; written atomically. */
export class RegistryStore {
  readonly file: string;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly dir: string) {
    this.file = path.join(dir, REGISTRIES_FILE);
  }

  async load(): Promise<StoredRegistry[]> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    let parsed: z.ZodSafeParseResult<z.output<typeof fileSchema>>;
    try {
      parsed = fileSchema.safeParse(JSON.parse(text));
    } catch {
      parsed = { success: false } as z.ZodSafeParseResult<z.output<typeof fileSchema>>;
    }
    if (!parsed.success) {
      throw new AppError({
        code: 'CONFIG_ERROR',
        message: `The registry logins file ${this.file} is damaged; fix or delete it to store logins again.`,
      });
    }
    return parsed.data.registries;
  }

  /** Serialised, so concurrent saves land in call order. */
  save(registries: StoredRegistry[]): Promise<void> {
    const next = this.writing.then(() => this.write(registries));
    this.writing = next.catch(() => undefined);
    return next;
  }

  private write(registries: StoredRegistry[]) {
    return writeJsonAtomic(this.dir, this.file, { version: 1, registries });
  }
}
