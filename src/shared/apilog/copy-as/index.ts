import type { EngineRequest, EngineTarget } from '../engine-request';
import { curlCommand } from './curl';
import { dockerCliCommand } from './docker-cli';
import { goSnippet } from './go';
import { nodeSnippet } from './node';
import { pythonSnippet } from './python';
import { secretEnvOfRequest } from './secrets';

export { curlCommand, dockerCliCommand, goSnippet, nodeSnippet, pythonSnippet };
export { dockerRunCommand, type ImageConfigDefaults } from './docker-run';

export type CopyFormat = 'curl' | 'docker' | 'python' | 'go' | 'node';

export interface CopyAsResult {
  format: CopyFormat;
  label: string;
  /** Absent when no such form exists (e.g. a request the docker CLI has no command for). */
  text?: string;
  /** Environment variables the snippet reads for redacted values (besides the connection's). */
  secretEnv: string[];
}

/** Every "copy as" form of one request for one host; the docker CLI form is the closest equivalent. */
export function copyAs(req: EngineRequest, target: EngineTarget): CopyAsResult[] {
  const secretEnv = secretEnvOfRequest(req.body, req.query);
  if (Object.keys(req.headers ?? {}).some((h) => h.toLowerCase() === 'x-registry-auth'))
    secretEnv.push('REGISTRY_USER', 'REGISTRY_PASSWORD');
  const cli = dockerCliCommand(req);
  return [
    { format: 'curl', label: 'curl', text: curlCommand(req, target), secretEnv },
    { format: 'docker', label: 'docker CLI (closest equivalent)', ...(cli ? { text: cli } : {}), secretEnv },
    { format: 'python', label: 'Python (docker SDK)', text: pythonSnippet(req, target), secretEnv },
    { format: 'go', label: 'Go (Docker SDK)', text: goSnippet(req, target), secretEnv },
    { format: 'node', label: 'Node (dockerode)', text: nodeSnippet(req, target), secretEnv },
  ];
}
