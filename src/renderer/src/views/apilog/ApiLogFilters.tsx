import { HTTP_METHODS, type HttpMethod } from '@shared/apilog/engine-request';
import { InlineSelect } from '../../components/ui/InlineSelect';
import { SearchBox } from '../../components/ui/SearchBox';
import { fieldOf } from '../../lib/filter-field';

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
  const field = <K extends keyof LogFilterState>(key: K) => fieldOf(value, onChange, key);
  return (
    <>
      <InlineSelect label="Method" options={[['', 'All methods'], ...HTTP_METHODS]} {...field('method')} />
      <InlineSelect label="Status" options={STATUS_OPTIONS} {...field('status')} />
      <SearchBox
        label="Filter by path"
        placeholder="Path or query"
        className="api-log-search"
        maxLength={200}
        {...field('text')}
      />
    </>
  );
}
