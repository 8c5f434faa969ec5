import type { Contract } from './index';

/** Every call and stream as "namespace.member", derived from the contract: a misspelt name fails to compile. */
export type MethodName = {
  [N in keyof Contract & string]: `${N}.${keyof Contract[N] & string}`;
}[keyof Contract & string];
