import type { RunSpec } from '@shared/contract/container-run-spec';
import type { EngineRequest } from '@shared/apilog/engine-request';
import { dockerCliCommand } from '@shared/apilog/copy-as';
import { containerCreateRequest, containerStartRequest } from '@shared/apilog/form-requests';

/** What "Copy as…" of a form copies: its engine requests in order, and the docker CLI line. */
export interface FormCopy {
  requests: EngineRequest[];
  dockerCli?: string;
}

/**
 * The run dialog's requests: the create, then the start when the form starts a named container
 * (an unnamed one is started by the id the create returns, which a copy cannot know); the CLI
 * form is `docker run -d`.
 */
export function runFormCopy(spec: RunSpec, start: boolean): FormCopy {
  const create = containerCreateRequest(spec);
  const requests = [create];
  if (start && spec.name) requests.push(containerStartRequest(spec.name));
  const cli = dockerCliCommand(create);
  const dockerCli = cli && start ? cli.replace(/^docker create/, 'docker run -d') : cli;
  return { requests, ...(dockerCli ? { dockerCli } : {}) };
}
