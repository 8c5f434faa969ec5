import type { EngineInfo } from '@shared/contract';
import { formatBytes } from '../../lib/format';

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
        <div>
          <dt>Docker</dt>
          <dd>{info.engineVersion}</dd>
        </div>
        <div>
          <dt>API</dt>
          <dd>{info.apiVersion}</dd>
        </div>
        <div>
          <dt>OS / arch</dt>
          <dd>
            {info.os || info.osType} / {info.arch}
          </dd>
        </div>
        <div>
          <dt>CPUs</dt>
          <dd>{info.cpus}</dd>
        </div>
        <div>
          <dt>Memory</dt>
          <dd>{formatBytes(info.memTotal)}</dd>
        </div>
        <div>
          <dt>Containers</dt>
          <dd>
            {info.containersRunning} running / {info.containers} total
          </dd>
        </div>
        <div>
          <dt>Images</dt>
          <dd>{info.images}</dd>
        </div>
      </dl>
    </div>
  );
}
