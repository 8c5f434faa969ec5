import type { CallDef, Contract } from '@shared/contract';
import type { MethodName } from '@shared/contract/method-name';
import type { Api } from '@shared/rpc/client';

type Ns<K> = K extends `${infer N}.${string}` ? N & keyof Contract : never;
type Member<K> = K extends `${string}.${infer M}` ? M : never;
type DefOf<K extends MethodName> = Contract[Ns<K>][Member<K> & keyof Contract[Ns<K>]];

/** The names of calls (not streams): what an action descriptor or useMutation may name. */
export type CallName = {
  [K in MethodName]: DefOf<K> extends CallDef<infer _I, infer _R> ? K : never;
}[MethodName];

export type Fn<K extends CallName> = Api<Contract>[Ns<K>][Member<K> & keyof Api<Contract>[Ns<K>]];
export type CallInputOf<K extends CallName> =
  Fn<K> extends (input: infer I, ...rest: never[]) => unknown ? I : never;
export type CallResultOf<K extends CallName> =
  Fn<K> extends (...args: never[]) => Promise<infer R> ? R : never;
