import type { EngineInfo } from '@shared/contract';
import { formatBytes } from '../../lib/format';

/** The engine's facts worth a glance, as term and value. */
const facts = (info: EngineInfo): Array<[string, string | number]> => [
  ['Docker', info.engineVersion],
  ['API', info.apiVersion],
  ['OS / arch', `${info.os || info.osType} / ${info.arch}`],
  ['CPUs', info.cpus],
  ['Memory', formatBytes(info.memTotal)],
  ['Containers', `${info.containersRunning} running / ${info.containers} total`],
  ['Images', info.images],
];

/** What a successful connection test found. */
export function TestResult({ info }: { info: EngineInfo }) {
  return (
    <div className="test-result" role="status">
      <div className="test-result-title">
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <circle cx="8" cy="8" r="7" fill="currentColor" opacity="0.16" />
          <path
            d="M4.8 8.2l2.1 2.1 4.3-4.6"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.7"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        Connection works{info.name ? ` — ${info.name}` : ''}
      </div>
      <dl className="test-facts">
        {facts(info).map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
