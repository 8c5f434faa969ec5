import type { ContainerUpdateStatus, UpdateState } from '@shared/contract';

/** How a container's update state reads in its badge; states not worth a badge are absent. */
const BADGES: Partial<Record<UpdateState, { text: string; tone: 'update' | 'quiet' | 'warn' }>> = {
  'update-available': { text: 'Update', tone: 'update' },
  'newer-pulled': { text: 'Newer pulled', tone: 'update' },
  'local-only': { text: 'Local', tone: 'quiet' },
  pinned: { text: 'Pinned', tone: 'quiet' },
  'image-missing': { text: 'Image missing', tone: 'warn' },
  'rate-limited': { text: 'Rate-limited', tone: 'warn' },
  unknown: { text: 'Check failed', tone: 'warn' },
};

/** Badge text, tone and tooltip for a container's status, or undefined for none (up to date, unchecked). */
export function updateBadge(
  s: ContainerUpdateStatus,
): { text: string; tone: 'update' | 'quiet' | 'warn'; title: string } | undefined {
  const b = BADGES[s.state];
  if (!b) return undefined;
  return { ...b, title: updateTitle(s) };
}

function updateTitle(s: ContainerUpdateStatus): string {
  switch (s.state) {
    case 'update-available':
      return `${s.image} has a newer image in its registry${s.remoteDigest ? ` (${s.remoteDigest.slice(0, 19)}…)` : ''}`;
    case 'newer-pulled':
      return `A newer ${s.image} is already pulled; the container still runs the old one`;
    case 'local-only':
      return `${s.image} was built or loaded here: no registry to compare with`;
    case 'pinned':
      return `${s.image} is pinned to a digest or an image id: nothing newer to follow`;
    case 'image-missing':
      return `The image this container runs was deleted from the host`;
    case 'rate-limited':
      return `The registry asked to wait${s.retryAt ? ` until ${new Date(s.retryAt).toLocaleTimeString()}` : ''}${s.error ? `: ${s.error.message}` : ''}`;
    case 'unknown':
      return s.error?.message ?? 'The registry could not be asked';
    default:
      return '';
  }
}
