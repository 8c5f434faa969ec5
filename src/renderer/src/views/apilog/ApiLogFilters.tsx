import { useId } from 'react';
import { HTTP_METHODS, type HttpMethod } from '@shared/apilog/engine-request';

export interface LogFilterState {
  method: HttpMethod | '';
  status: string;
  text: string;
}

export const NO_LOG_FILTER: LogFilterState = { method: '', status: '', text: '' };

const STATUS_OPTIONS: Array<[string, string]> = [
  ['', 'Any status'],
  ['2xx', '2xx success'],
  ['3xx', '3xx'],
  ['4xx', '4xx client error'],
  ['5xx', '5xx server error'],
  ['open', 'Open (streaming)'],
  ['error', 'No response'],
];

/** Method, status class and path text filters of the API log. */
export function ApiLogFilters({
  value,
  onChange,
}: {
  value: LogFilterState;
  onChange(patch: Partial<LogFilterState>): void;
}) {
  const methodId = useId();
  const statusId = useId();
  const textId = useId();
  return (
    <>
      <label htmlFor={methodId} className="visually-hidden">
        Method
      </label>
      <select
        id={methodId}
        className="input input-small"
        value={value.method}
        onChange={(e) => onChange({ method: e.target.value as HttpMethod | '' })}
      >
        <option value="">All methods</option>
        {HTTP_METHODS.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </select>
      <label htmlFor={statusId} className="visually-hidden">
        Status
      </label>
      <select
        id={statusId}
        className="input input-small"
        value={value.status}
        onChange={(e) => onChange({ status: e.target.value })}
      >
        {STATUS_OPTIONS.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      <div className="search api-log-search">
        <label htmlFor={textId} className="visually-hidden">
          Filter by path
        </label>
        <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" className="search-icon">
          <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M10.5 10.5L14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
        <input
          id={textId}
          type="search"
          className="input search-input"
          placeholder="Path or query"
          value={value.text}
          maxLength={200}
          onChange={(e) => onChange({ text: e.target.value })}
        />
      </div>
    </>
  );
}
