import { HOST_COLORS } from '../../lib/forms/host-form';
import { FieldError } from '../../components/ui/Field';
import { RadioInput } from '../../components/ui/RadioInput';

export interface ColorPickerProps {
  id: string;
  value: string;
  onChange(color: string): void;
  error?: string | undefined;
}

/** A few swatches (a radio group) and a custom colour input. */
export function ColorPicker({ id, value, onChange, error }: ColorPickerProps) {
  const customId = `${id}-custom`;
  // Swatches are lower-case; a stored colour may not be.
  const group = { name: id, value: value.toLowerCase(), onChange };
  return (
    <fieldset className="field color-picker" id={id}>
      <legend className="field-label">Colour</legend>
      <div className="swatches">
        {HOST_COLORS.map((c) => (
          <label key={c.value} className="swatch-option" title={c.name}>
            <RadioInput group={group} value={c.value} />
            <span className="swatch-chip" style={{ background: c.value }} aria-hidden="true" />
            <span className="visually-hidden">{c.name}</span>
          </label>
        ))}
        <span className="custom-color">
          <input
            id={customId}
            type="color"
            value={/^#[0-9a-f]{6}$/i.test(value) ? value : '#3b82f6'}
            onChange={(e) => onChange(e.target.value)}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          <label htmlFor={customId}>Custom colour</label>
        </span>
      </div>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}
