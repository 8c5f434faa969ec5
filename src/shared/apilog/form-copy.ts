import type { RunSpec } from '../contract/container-run-spec';
import type { CreateNetworkInput } from '../contract/networks';
import { dockerCliCommand } from './copy-as/docker-cli';
import type { EngineRequest } from './engine-request';
import {
  buildRequest,
  containerCreateRequest,
  containerStartRequest,
  execCreateRequest,
  networkCreateRequest,
  pullRequest,
  volumeCreateRequest,
  type BuildForm,
  type ExecForm,
  type VolumeForm,
} from './form-requests';

/** What "Copy as…" of a form copies: its engine requests in order, and the docker CLI line. */
export interface FormCopy {
  requests: EngineRequest[];
  dockerCli?: string;
}

function formCopy(
  requests: [EngineRequest, ...EngineRequest[]],
  cli = dockerCliCommand(requests[0]),
): FormCopy {
  return { requests, ...(cli ? { dockerCli: cli } : {}) };
}

/**
 * The run dialog's requests: the create, then the start when the form starts a named container
 * (an unnamed one is started by the id the create returns, which a copy cannot know); the CLI
 * form is `docker run -d`.
 */
export function runFormCopy(spec: RunSpec, start: boolean): FormCopy {
  const create = containerCreateRequest(spec);
  const cli = dockerCliCommand(create);
  if (!start) return formCopy([create], cli);
  return formCopy(
    spec.name ? [create, containerStartRequest(spec.name)] : [create],
    cli?.replace(/^docker create/, 'docker run -d'),
  );
}

export const pullFormCopy = (reference: string, withAuth: boolean) =>
  formCopy([pullRequest(reference, withAuth)]);
export const networkFormCopy = (input: CreateNetworkInput) => formCopy([networkCreateRequest(input)]);
export const volumeFormCopy = (v: VolumeForm) => formCopy([volumeCreateRequest(v)]);
/** The exec create only: its start is hijacked (a terminal), which `docker exec` does in one go. */
export const execFormCopy = (f: ExecForm) => formCopy([execCreateRequest(f)]);
export const buildFormCopy = (f: BuildForm) => formCopy([buildRequest(f)]);
