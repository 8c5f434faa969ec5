import { useMemo, useState } from 'react';
import type { AttachedContainer, HostView, NetworkSummary } from '@shared/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { RetryBanner } from '../../components/ui/RetryBanner';
import { guard } from '../../lib/policy';
import { usePolicy } from '../../hooks/usePolicy';
import { shortId } from '../../lib/format';
import { useMutation } from '../../hooks/useMutation';
import { useQuery } from '../../hooks/useQuery';
import { useTabState } from '../../hooks/useTabState';
import { useUiStore } from '../../stores/ui';
import { ConnectDialog } from './ConnectDialog';
import { DetailsHeader } from '../../components/ui/DetailsHeader';
import { createdAndLabels, FactList } from '../../components/ui/FactList';
import { PlusIcon } from '../../components/ui/Icons';
import { JsonBlock } from '../../components/ui/JsonBlock';
import { BUILTIN_REASON } from '../../actions/network-actions';
import { Flag } from '../../components/ui/LabelChips';
import { actionsColumn } from '../../components/ui/TableCells';
import { TabbedPanel } from '../../components/ui/TabbedPanel';
import { VirtualTable, type Column } from '../../components/ui/VirtualTable';

export interface NetworkDetailsProps {
  host: HostView;
  networkId: string;
  networkName: string;
  onBack(): void;
  /** After connect/disconnect: the list's counts changed. */
  onChanged(): void;
}

const TABS = [
  { id: 'containers', label: 'Containers' },
  { id: 'inspect', label: 'Inspect' },
] as const;

/** A network's subnets, one a line, each with its gateway and IP range when set. */
function SubnetLines({ subnets }: { subnets: NetworkSummary['subnets'] }) {
  if (subnets.length === 0) return '—';
  return subnets.map((s) => (
    <span key={s.subnet} className="fact-line">
      {s.subnet}
      {s.gateway && <span className="muted"> via {s.gateway}</span>}
      {s.ipRange && <span className="muted"> range {s.ipRange}</span>}
    </span>
  ));
}

/** The network's switches that are on ("internal, attachable"), or a dash. */
function optionsText(n: NetworkSummary): string {
  const on = [n.internal && 'internal', n.attachable && 'attachable', n.ipv6 && 'IPv6'];
  return on.filter(Boolean).join(', ') || '—';
}

/** One network: its facts, the containers attached (IPs, aliases), connect/disconnect, inspect JSON. */
export function NetworkDetails({ host, networkId, networkName, onBack, onChanged }: NetworkDetailsProps) {
  const can = usePolicy(host.id);
  const {
    result: details,
    error,
    loading,
    reload: load,
  } = useQuery('networks.details', { hostId: host.id, id: networkId }, { keep: true });
  const tabs = useTabState(TABS, 'containers');
  const [connecting, setConnecting] = useState(false);
  const [leaving, setLeaving] = useState<AttachedContainer>();
  const leave = useMutation('networks.disconnect', { refetch: () => void load() });
  const toast = useUiStore((s) => s.toast);

  const attached = useMemo(() => new Set(details?.containers.map((c) => c.id) ?? []), [details]);
  const summary = details?.summary;

  const columns: Column<AttachedContainer>[] = [
    {
      id: 'name',
      label: 'Container',
      className: 'cell-stack',
      render: (c) => (
        <>
          <span className="truncate strong">{c.name}</span>
          <span className="sub-id mono">
            {shortId(c.id)} · {c.state}
          </span>
        </>
      ),
    },
    {
      id: 'ipv4',
      label: 'IPv4',
      render: (c) =>
        c.ipv4 ? (
          <span className="truncate mono-soft">
            {c.ipv4}
            {c.staticIpv4 && <span className="muted"> (static)</span>}
          </span>
        ) : (
          <span className="muted">{c.state === 'running' ? '—' : 'not running'}</span>
        ),
    },
    { id: 'ipv6', label: 'IPv6', render: (c) => <span className="mono-soft">{c.ipv6 || '—'}</span> },
    {
      id: 'aliases',
      label: 'Aliases',
      render: (c) =>
        c.aliases.length ? (
          <span className="truncate mono-soft" title={c.aliases.join('\n')}>
            {c.aliases.join(', ')}
          </span>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      id: 'mac',
      label: 'MAC',
      className: 'cell-soft',
      render: (c) => <span className="mono-soft">{c.mac || '—'}</span>,
    },
    actionsColumn((c) => (
      <button
        type="button"
        className="button button-small"
        aria-label={`Disconnect ${c.name}`}
        onClick={() => {
          leave.reset();
          setLeaving(c);
        }}
        {...guard(can.allowed('networks.disconnect'))}
      >
        Disconnect
      </button>
    )),
  ];

  return (
    <section className="resource-details" aria-label={`Network ${networkName}`}>
      <DetailsHeader back="Networks" onBack={onBack} title={networkName}>
        {summary?.builtin && (
          <Flag tone="blue" title={BUILTIN_REASON}>
            built-in
          </Flag>
        )}
        <span className="header-spacer" />
        {loading && <span className="spinner" aria-label="Loading" />}
      </DetailsHeader>
      {error && (
        <div className="banners">
          <RetryBanner error={error} title="Couldn't load the network" onRetry={() => void load()} />
        </div>
      )}
      {summary && (
        <FactList
          facts={[
            { term: 'ID', value: shortId(summary.id), valueClassName: 'mono', title: summary.id },
            { term: 'Driver', value: `${summary.driver} · ${summary.scope}` },
            { term: 'Subnets', value: <SubnetLines subnets={summary.subnets} />, valueClassName: 'mono' },
            { term: 'Options', value: optionsText(summary) },
            ...createdAndLabels(summary),
          ]}
        />
      )}
      <TabbedPanel label="Network details" prefix="network" state={tabs} className="details-panel">
        {tabs.current === 'inspect' ? (
          details ? (
            <JsonBlock value={details.inspect} label={`Inspect JSON of ${networkName}`} />
          ) : null
        ) : (
          <>
            <div className="panel-toolbar">
              <h3 className="panel-title">
                Connected containers {details && <span className="muted">({details.containers.length})</span>}
              </h3>
              <span className="header-spacer" />
              <button
                type="button"
                className="button button-small"
                onClick={() => setConnecting(true)}
                disabled={!summary || summary.name === 'host' || summary.name === 'none'}
                title={
                  summary?.name === 'host' || summary?.name === 'none'
                    ? `Containers cannot be connected to "${summary.name}" after creation.`
                    : undefined
                }
                {...guard(can.allowed('networks.connect'))}
              >
                <PlusIcon /> Connect container
              </button>
            </div>
            {details && details.containers.length === 0 ? (
              <div className="empty-state compact">
                <p className="empty-title">No containers on {networkName}</p>
                <p className="muted">Connect one to give it an address here.</p>
              </div>
            ) : details ? (
              <VirtualTable
                label={`Containers on ${networkName}`}
                rows={details.containers}
                columns={columns}
                template="minmax(170px, 1.6fr) minmax(180px, 1.2fr) minmax(110px, 1fr) minmax(120px, 1.2fr) 140px 110px"
                rowKey={(c) => c.id}
                rowLabel={(c) => c.name}
                minWidth={760}
              />
            ) : null}
          </>
        )}
      </TabbedPanel>
      {connecting && summary && (
        <ConnectDialog
          hostId={host.id}
          network={summary}
          attached={attached}
          onClose={() => setConnecting(false)}
          onConnected={() => {
            setConnecting(false);
            toast(`Connected to ${summary.name}.`);
            void load();
            onChanged();
          }}
        />
      )}
      {leaving && (
        <ConfirmDialog
          title={`Disconnect ${leaving.name}?`}
          confirmLabel="Disconnect"
          danger
          busy={leave.busy}
          busyLabel="Disconnecting…"
          error={leave.error}
          onCancel={() => setLeaving(undefined)}
          onConfirm={async () => {
            const r = await leave.run({ hostId: host.id, id: networkId, container: leaving.id });
            if (!r.ok) return;
            setLeaving(undefined);
            onChanged();
          }}
        >
          <p>
            {leaving.name} loses its address{leaving.ipv4 ? ` ${leaving.ipv4}` : ''} on {networkName}; other
            containers there can no longer reach it by name.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
