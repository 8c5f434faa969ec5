import { PlainTable } from '../../../components/ui/PlainTable';
import { useState, type ReactNode } from 'react';
import type { ContainerInspectView, EndpointView } from '@shared/contract';
import { formatBytes, fullDate, shortId } from '../../../lib/format';
import { useDetailsStore } from '../../../stores/details';
import { portLinks } from '../../../lib/port-links';
import { joinShellWords } from '../../../lib/forms/shell-words';
import type { DetailTabProps } from './DetailTabList';
import { isSecretKey, MASK } from './secrets';
import { PortLinkList } from '../PortLinkList';

function Card({ title, children, wide }: { title: string; children: ReactNode; wide?: boolean }) {
  return (
    <section className={`ov-card${wide ? ' is-wide' : ''}`} aria-label={title}>
      <h3 className="ov-title">{title}</h3>
      {children}
    </section>
  );
}

/** A fact: its name, its value, and optionally the class of the value (mono, ov-bad…). */
type Fact = readonly [name: string, value: ReactNode, className?: string];

/** Name and value pairs; a row that is false is left out. */
function Facts({ rows }: { rows: Array<Fact | false | undefined> }) {
  return (
    <dl className="ov-facts fact-rows">
      {rows
        .filter((r): r is Fact => Array.isArray(r))
        .map(([k, v, className]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{className === undefined ? v : <span className={className}>{v}</span>}</dd>
          </div>
        ))}
    </dl>
  );
}

const isZeroDate = (d: string) => !d || d.startsWith('0001-');
const when = (d: string) => (isZeroDate(d) ? '—' : fullDate(Date.parse(d)));

function cpus(l: ContainerInspectView['limits']): string {
  if (l.nanoCpus) return `${l.nanoCpus / 1e9}`;
  if (l.cpuQuota > 0 && l.cpuPeriod > 0) return `${(l.cpuQuota / l.cpuPeriod).toFixed(2)}`;
  return 'No limit';
}

function EnvList({ env }: { env: ContainerInspectView['env'] }) {
  const [revealAll, setRevealAll] = useState(false);
  const [shown, setShown] = useState<Record<string, boolean>>({});
  const secrets = env.filter((e) => isSecretKey(e.key)).length;
  if (env.length === 0) return <p className="muted">No variables.</p>;
  return (
    <>
      {secrets > 0 && (
        <div className="ov-env-tools">
          <span className="muted">
            {secrets} secret-looking {secrets === 1 ? 'value is' : 'values are'} masked.
          </span>
          <button
            type="button"
            className="button button-small ct-ghost"
            onClick={() => setRevealAll((r) => !r)}
          >
            {revealAll ? 'Mask secrets' : 'Reveal all'}
          </button>
        </div>
      )}
      <ul className="ct-kv-list" aria-label="Environment variables">
        {env.map((e, i) => {
          const secret = isSecretKey(e.key);
          const visible = !secret || revealAll || shown[e.key];
          return (
            <li key={`${e.key}-${i}`}>
              <span className="ct-kv-key mono">{e.key}</span>
              <span className={`ct-kv-value mono${visible ? '' : ' is-masked'}`}>
                {visible ? e.value : MASK}
              </span>
              {secret && !revealAll && (
                <button
                  type="button"
                  className="button button-small ct-ghost"
                  aria-label={`${shown[e.key] ? 'Hide' : 'Show'} value of ${e.key}`}
                  onClick={() => setShown((s) => ({ ...s, [e.key]: !s[e.key] }))}
                >
                  {shown[e.key] ? 'Hide' : 'Show'}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function PortsTable({ view, endpoint }: { view: ContainerInspectView; endpoint: EndpointView }) {
  if (view.ports.length === 0) return <p className="muted">No ports.</p>;
  return (
    <PlainTable className="ov-table" columns={['Container', 'Published on the host']}>
      {view.ports.map((p) => {
        const links = portLinks(
          p.bindings
            .filter((b) => b.hostPort)
            .map((b) => ({
              ip: b.hostIp,
              publicPort: Number(b.hostPort),
              privatePort: p.containerPort,
              type: p.protocol,
            })),
          endpoint,
        );
        return (
          <tr key={`${p.containerPort}/${p.protocol}`}>
            <td className="mono">
              {p.containerPort}/{p.protocol}
            </td>
            <td>
              {links.length === 0 ? (
                <span className="muted">not published</span>
              ) : (
                <PortLinkList links={links} byAddress />
              )}
            </td>
          </tr>
        );
      })}
    </PlainTable>
  );
}

/** State, health, image and command, ports, mounts, networks, environment, labels and limits. */
export function OverviewTab({ host }: DetailTabProps) {
  const view = useDetailsStore((s) => s.view);
  if (!view) {
    return (
      <p className="muted" role="status">
        <span className="spinner" aria-hidden="true" /> Loading…
      </p>
    );
  }
  const s = view.state;
  const command = [...(view.entrypoint ?? []), ...(view.cmd ?? [])];
  const l = view.limits;
  const labels = Object.entries(view.labels).sort(([a], [b]) => a.localeCompare(b));

  return (
    <div className="ct-overview">
      <Card title="State">
        <Facts
          rows={[
            ['Status', s.status, `ov-status ov-status-${s.status}`],
            !s.running && ['Exit code', s.exitCode, s.exitCode ? 'ov-bad' : ''],
            s.oomKilled && ['Out of memory', 'killed by the OOM killer', 'ov-bad'],
            s.error !== '' && ['Error', s.error, 'ov-bad'],
            s.running && ['PID', s.pid],
            ['Started', when(s.startedAt)],
            !s.running && !isZeroDate(s.finishedAt) && ['Finished', when(s.finishedAt)],
            ['Created', when(view.created)],
            ['Restart count', view.restartCount],
            [
              'Restart policy',
              view.restartPolicy.name === 'on-failure'
                ? `on-failure (max ${view.restartPolicy.maximumRetryCount || '∞'})`
                : view.restartPolicy.name || 'no',
            ],
            view.autoRemove && ['Auto-remove', 'yes (--rm)'],
          ]}
        />
      </Card>
      <Card title="Health">
        {view.health ? (
          <>
            <Facts
              rows={[
                ['Status', view.health.status, `ct-health ct-health-${view.health.status}`],
                ['Failing streak', view.health.failingStreak],
              ]}
            />
            <h4 className="ov-subtitle">Last checks</h4>
            <ol className="ct-health-log" aria-label="Last health checks">
              {[...view.health.log].reverse().map((c, i) => (
                <li key={`${c.start}-${i}`}>
                  <span className={c.exitCode === 0 ? 'ov-good' : 'ov-bad'}>exit {c.exitCode}</span>
                  <span className="muted">{when(c.end || c.start)}</span>
                  {c.output.trim() && <pre className="ct-health-output">{c.output.trim()}</pre>}
                </li>
              ))}
            </ol>
          </>
        ) : (
          <p className="muted">No health check configured.</p>
        )}
      </Card>
      <Card title="Image and command" wide>
        <Facts
          rows={[
            ['Image', view.image, 'mono'],
            [
              'Image ID',
              <span key="id" className="mono" title={view.imageId}>
                {shortId(view.imageId)}
              </span>,
            ],
            [
              'Command',
              <code key="c" className="ov-code">
                {command.length ? joinShellWords(command) : '—'}
              </code>,
            ],
            view.workingDir !== '' && ['Working dir', view.workingDir, 'mono'],
            view.user !== '' && ['User', view.user, 'mono'],
            ['Terminal', `${view.tty ? 'TTY' : 'no TTY'}, STDIN ${view.openStdin ? 'open' : 'closed'}`],
            ['Hostname', view.hostname, 'mono'],
          ]}
        />
      </Card>
      <Card title="Ports">
        <PortsTable view={view} endpoint={host.endpoint} />
      </Card>
      <Card title="Networks">
        {view.networks.length === 0 ? (
          <p className="muted">Network mode {view.networkMode || 'none'}.</p>
        ) : (
          <PlainTable className="ov-table" columns={['Network', 'IP address', 'Gateway', 'MAC']}>
            {view.networks.map((n) => (
              <tr key={n.name}>
                <td>
                  {n.name}
                  {n.aliases.length > 0 && (
                    <div className="muted ct-small">aliases: {n.aliases.join(', ')}</div>
                  )}
                </td>
                <td className="mono">
                  {n.ipAddress ? `${n.ipAddress}/${n.ipPrefixLen}` : '—'}
                  {n.ipv6Address && <div>{n.ipv6Address}</div>}
                </td>
                <td className="mono">{n.gateway || '—'}</td>
                <td className="mono">{n.macAddress || '—'}</td>
              </tr>
            ))}
          </PlainTable>
        )}
      </Card>
      <Card title="Mounts" wide>
        {view.mounts.length === 0 ? (
          <p className="muted">Nothing mounted.</p>
        ) : (
          <PlainTable className="ov-table" columns={['Type', 'Source', 'In the container', 'Access']}>
            {view.mounts.map((m) => (
              <tr key={m.destination}>
                <td>{m.type}</td>
                <td className="mono truncate-cell" title={m.source}>
                  {m.name ? (m.name.length === 64 ? `${shortId(m.name)} (anonymous)` : m.name) : m.source}
                </td>
                <td className="mono">{m.destination}</td>
                <td>{m.readOnly ? 'read-only' : 'read-write'}</td>
              </tr>
            ))}
          </PlainTable>
        )}
      </Card>
      <Card title="Environment" wide>
        <EnvList env={view.env} />
      </Card>
      <Card title="Resource limits">
        <Facts
          rows={[
            ['Memory', l.memory ? formatBytes(l.memory) : 'No limit'],
            l.memoryReservation > 0 && ['Memory reservation', formatBytes(l.memoryReservation)],
            l.memorySwap > 0 && ['Memory + swap', formatBytes(l.memorySwap)],
            ['CPUs', cpus(l)],
            l.cpuShares > 0 && ['CPU shares', l.cpuShares],
            l.cpusetCpus !== '' && ['CPU set', l.cpusetCpus],
            ['PIDs', l.pidsLimit > 0 ? l.pidsLimit : 'No limit'],
          ]}
        />
      </Card>
      <Card title="Labels">
        {labels.length === 0 ? (
          <p className="muted">No labels.</p>
        ) : (
          <ul className="ct-kv-list" aria-label="Labels">
            {labels.map(([k, v]) => (
              <li key={k}>
                <span className="ct-kv-key mono">{k}</span>
                <span className="ct-kv-value mono">{v}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
