import { useState } from 'react';
import type { HostView, ImageDetails } from '@shared/contract';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { dateFact, FactList } from '../../../components/ui/FactList';
import { formatBytes } from '../../../lib/format';
import { guard } from '../../../lib/policy';
import { usePolicy } from '../../../hooks/usePolicy';
import { callOf } from '../../../actions/define';
import { UNTAG_ACTION } from '../../../actions/image-actions';
import { useImagesStore } from '../../../stores/images';

interface InspectFacts {
  Size?: number;
  Created?: string;
  Architecture?: string;
  Os?: string;
  RepoDigests?: string[];
  Config?: {
    Cmd?: string[] | null;
    Entrypoint?: string[] | null;
    WorkingDir?: string;
    ExposedPorts?: Record<string, unknown> | null;
  };
}

/** Tags (each can be removed), facts, and the containers created from the image. */
export function OverviewTab({
  host,
  details,
  onChanged,
}: {
  host: HostView;
  details: ImageDetails;
  /** After an untag; `deleted` when that removed the image itself. */
  onChanged(deleted: boolean): void;
}) {
  const act = useImagesStore((s) => s.act);
  const can = usePolicy(host.id);
  const [untag, setUntag] = useState<string>();
  const facts = details.inspect as InspectFacts;
  const cmd = [...(facts.Config?.Entrypoint ?? []), ...(facts.Config?.Cmd ?? [])].join(' ');
  const digests = facts.RepoDigests ?? [];
  const lastTag = details.repoTags.length === 1;

  return (
    <div className="image-overview">
      <section aria-labelledby="image-tags-title">
        <h3 id="image-tags-title" className="details-subtitle">
          Tags
        </h3>
        {details.repoTags.length === 0 ? (
          <p className="muted">None: this image is dangling.</p>
        ) : (
          <ul className="item-stack">
            {details.repoTags.map((t) => (
              <li key={t} className="tag-list-item">
                <span className="mono">{t}</span>
                <button
                  type="button"
                  className="button button-small"
                  aria-label={`Remove tag ${t}`}
                  onClick={() => setUntag(t)}
                  {...guard(can.allowed(UNTAG_ACTION.method))}
                >
                  Untag
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <FactList
        facts={[
          { term: 'ID', value: details.id, valueClassName: 'mono' },
          { term: 'Size', value: formatBytes(facts.Size ?? 0) },
          { term: 'Created', value: dateFact(facts.Created) },
          { term: 'Platform', value: `${facts.Os ?? '?'}/${facts.Architecture ?? '?'}` },
          !!cmd && { term: 'Command', value: cmd, valueClassName: 'mono' },
          digests.length > 0 && {
            term: 'Digests',
            value: digests.map((d) => <div key={d}>{d}</div>),
            valueClassName: 'mono',
          },
        ]}
      />
      <section aria-labelledby="image-users-title">
        <h3 id="image-users-title" className="details-subtitle">
          Containers using it ({details.containers.length})
        </h3>
        {details.containers.length === 0 ? (
          <p className="muted">No container was created from this image.</p>
        ) : (
          <ul className="item-stack">
            {details.containers.map((c) => (
              <li key={c.id}>
                <span className="mono">{c.name}</span>{' '}
                <span className={`state-dot state-${c.state}`}>{c.state}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {untag && (
        <ConfirmDialog
          title="Remove tag?"
          confirmLabel={UNTAG_ACTION.label}
          danger
          onCancel={() => setUntag(undefined)}
          onConfirm={() => {
            const reference = untag;
            setUntag(undefined);
            void act(
              host.id,
              `Couldn't ${UNTAG_ACTION.failed} ${reference}`,
              callOf(UNTAG_ACTION, { hostId: host.id, reference }, {}),
            ).then((res) => onChanged(res?.deleted.includes(details.id) ?? false));
          }}
        >
          <p>
            Remove the tag <strong className="mono">{untag}</strong> from this image on{' '}
            <strong>{host.name}</strong>?
          </p>
          {lastTag && (
            <p className="hint">
              It is the image's last tag: unless a container uses it, the image itself is deleted too.
            </p>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}
