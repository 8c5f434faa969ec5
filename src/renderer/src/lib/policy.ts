import type { MouseEvent } from 'react';
import type { HostPolicy } from '@shared/contract';
import { accessOf, policyAllows, type Access } from '@shared/policy/method-access';

/**
 * The renderer's reading of a host's policy: the same table the main process enforces
 * (src/shared/policy/method-access.ts), so a button is disabled exactly when its call would be
 * refused. Main stays the authority; this only spares the user a PERMISSION_DENIED.
 */
export type Verdict = { ok: true } | { ok: false; reason: string };

export const ALLOWED: Verdict = { ok: true };

/** How the host header and refusals name each policy. */
export const POLICY_LABELS: Record<HostPolicy, string> = {
  full: 'Full access',
  restricted: 'Restricted host',
  'read-only': 'Read-only host',
};

/** "… is not allowed", per kind of call, as a sentence fragment. */
const REFUSALS: Record<Access, string> = {
  app: 'changing settings is not allowed',
  read: 'reading is not allowed',
  write: 'making changes is not allowed',
  delete: 'deleting or pruning is not allowed',
  exec: 'shells and attaching are not allowed',
  build: 'building and pushing images is not allowed',
  browse: 'browsing files is not allowed',
};

/** What each limited policy still allows, for the badge in the host header. */
export const POLICY_SUMMARIES: Record<HostPolicy, string> = {
  full: 'Every action is allowed on this host.',
  restricted:
    'Start, stop, create and pull are allowed; shells, attaching, deleting, pruning, building, pushing and file browsing are not.',
  'read-only':
    'Berthmaster only looks at this host: lists, details, logs and stats. Starting, stopping, creating, deleting and shells are disabled.',
};

/**
 * Whether `method` (a contract channel such as "containers.remove") may run on a host with this
 * policy. Methods missing from the table are refused on limited hosts, as main does.
 */
export function checkPolicy(policy: HostPolicy, method: string, input?: unknown): Verdict {
  if (policy === 'full') return ALLOWED;
  const access = accessOf(method, input);
  if (access && policyAllows(policy, access)) return ALLOWED;
  return {
    ok: false,
    reason: `${POLICY_LABELS[policy]}: ${access ? REFUSALS[access] : 'this action is not allowed'}`,
  };
}

/** Props for a button whose action is `verdict`. */
export interface GuardProps {
  'aria-disabled'?: true;
  title?: string;
  'data-policy-blocked'?: true;
  onClickCapture?(e: MouseEvent<HTMLElement>): void;
}

/**
 * Spread after a button's own props: a forbidden action stays focusable (so its reason can be
 * read: title becomes the accessible description) but is aria-disabled, and its click is stopped
 * in the capture phase before the button's own onClick runs.
 */
export function guard(verdict: Verdict, title?: string): GuardProps {
  if (verdict.ok) return title === undefined ? {} : { title };
  return {
    'aria-disabled': true,
    title: verdict.reason,
    'data-policy-blocked': true,
    onClickCapture: (e) => {
      e.preventDefault();
      e.stopPropagation();
    },
  };
}
