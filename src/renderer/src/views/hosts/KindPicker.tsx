import type { EndpointKind } from '@shared/contract';
import { KindIcon } from '../../components/KindIcon';
import { RadioInput } from '../../components/ui/RadioInput';
import { KIND_LONG_LABELS } from '../../lib/endpoint';

const KINDS: { kind: EndpointKind; hint: string }[] = [
  { kind: 'socket', hint: 'Docker on this machine' },
  { kind: 'tls', hint: 'Remote engine, mutual TLS' },
  { kind: 'ssh', hint: 'Remote engine over SSH' },
  { kind: 'tcp', hint: 'No encryption, no auth' },
];

export interface KindPickerProps {
  id: string;
  value: EndpointKind;
  onChange(kind: EndpointKind): void;
}

/** Radio group of connection kinds, shown as cards. */
export function KindPicker({ id, value, onChange }: KindPickerProps) {
  const group = { name: id, value, onChange };
  return (
    <fieldset className="field kind-picker" id={id}>
      <legend className="field-label">Connection</legend>
      <div className="kind-options">
        {KINDS.map(({ kind, hint }) => {
          const inputId = `${id}-${kind}`;
          return (
            <div
              key={kind}
              className={`kind-option${value === kind ? ' is-checked' : ''}${kind === 'tcp' ? ' is-insecure' : ''}`}
            >
              <RadioInput id={inputId} group={group} value={kind} aria-describedby={`${inputId}-hint`} />
              <label htmlFor={inputId} className="kind-option-title">
                <KindIcon kind={kind} />
                {KIND_LONG_LABELS[kind]}
              </label>
              <span id={`${inputId}-hint`} className="kind-option-hint">
                {hint}
              </span>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
