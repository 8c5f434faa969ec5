import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { StackStoredFiles } from '@shared/contract';

/**
 * Compose files of the stacks the app deployed or adopted, per host, in the config folder:
 * `stacks/<hostId>/<project>/compose.yaml`, `.env` and `meta.json`. The folder is also the
 * project's working dir unless the user named one.
 */
export class StackStore {
  constructor(private readonly configDir: string) {}

  dir(hostId: string, project: string): string {
    return path.join(this.configDir, 'stacks', hostId, project);
  }

  composeFile(hostId: string, project: string): string {
    return path.join(this.dir(hostId, project), 'compose.yaml');
  }

  envFile(hostId: string, project: string): string {
    return path.join(this.dir(hostId, project), '.env');
  }

  async list(hostId: string): Promise<string[]> {
    try {
      return (await fs.readdir(path.join(this.configDir, 'stacks', hostId))).sort();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
  }

  async get(hostId: string, project: string): Promise<StackStoredFiles | null> {
    const dir = this.dir(hostId, project);
    try {
      const [composeYaml, envText, metaText] = await Promise.all([
        fs.readFile(path.join(dir, 'compose.yaml'), 'utf8'),
        fs.readFile(path.join(dir, '.env'), 'utf8').catch(() => ''),
        fs.readFile(path.join(dir, 'meta.json'), 'utf8').catch(() => '{}'),
      ]);
      const meta = JSON.parse(metaText) as { workingDir?: string; profiles?: string[]; savedAt?: string };
      const files: StackStoredFiles = {
        composeYaml,
        envText,
        profiles: meta.profiles ?? [],
        savedAt: meta.savedAt ?? new Date(0).toISOString(),
      };
      if (meta.workingDir) files.workingDir = meta.workingDir;
      return files;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  /** Writes each file through a temp file and a rename, so a crash never leaves half a file. */
  async save(hostId: string, project: string, files: Omit<StackStoredFiles, 'savedAt'>): Promise<void> {
    const dir = this.dir(hostId, project);
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    const write = async (name: string, text: string) => {
      const tmp = path.join(dir, `.${name}.tmp`);
      await fs.writeFile(tmp, text, { mode: 0o600 });
      await fs.rename(tmp, path.join(dir, name));
    };
    await write('compose.yaml', files.composeYaml);
    await write('.env', files.envText);
    const meta: Record<string, unknown> = { profiles: files.profiles, savedAt: new Date().toISOString() };
    if (files.workingDir) meta.workingDir = files.workingDir;
    await write('meta.json', JSON.stringify(meta, null, 2));
  }

  async forget(hostId: string, project: string): Promise<void> {
    await fs.rm(this.dir(hostId, project), { recursive: true, force: true });
  }
}
