import { useId } from 'react';
import { CONTAINER_SIGNALS, type ContainerSignal } from '@shared/contract';
import { LabeledField } from '../../../components/ui/LabeledField';

const HINTS: Partial<Record<ContainerSignal, string>> = {
  SIGKILL: 'ends the process at once',
  SIGTERM: 'asks it to stop',
  SIGINT: 'like Ctrl+C',
  SIGHUP: 'often: reload configuration',
  SIGSTOP: 'freezes it',
  SIGCONT: 'resumes a stopped process',
};

/** The signal picker of "Kill": only the signals the contract accepts. */
export function SignalSelect({
  value,
  onChange,
}: {
  value: ContainerSignal;
  onChange(s: ContainerSignal): void;
}) {
  const id = useId();
  return (
    <LabeledField id={id} label="Signal">
      <select
        id={id}
        className="input"
        value={value}
        onChange={(e) => onChange(e.target.value as ContainerSignal)}
      >
        {CONTAINER_SIGNALS.map((s) => (
          <option key={s} value={s}>
            {HINTS[s] ? `${s} — ${HINTS[s]}` : s}
          </option>
        ))}
      </select>
    </LabeledField>
  );
}
