import { containersContract } from './containers';
import { hostsContract } from './hosts';

/**
 * The whole surface between renderer and main. Channel names are `namespace.member`, derived from
 * these keys; nothing else can be called.
 */
export const contract = {
  hosts: hostsContract,
  containers: containersContract,
} as const;

export type Contract = typeof contract;

export * from './define';
export * from './errors';
export * from './ids';
export * from './hosts';
export * from './containers';
