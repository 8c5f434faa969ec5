import type { ReactNode } from 'react';
import { TextField } from './ui/Field';

/**
 * The path of a tar file on the machine running Berthmaster's backend (load, save, back up,
 * restore): one required monospace field, checked by lib/host-path.ts.
 */
export function HostFileField({
  id,
  label = 'File',
  value,
  onChange,
  error,
  placeholder,
  hint,
}: {
  /** The form's id (useCheckedForm): the field is `<id>-path`. */
  id: string;
  label?: string;
  value: string;
  onChange(path: string): void;
  error: string | undefined;
  placeholder?: string;
  hint: ReactNode;
}) {
  return (
    <TextField
      id={`${id}-path`}
      label={label}
      value={value}
      onChange={onChange}
      placeholder={placeholder}
      required
      mono
      error={error}
      hint={hint}
    />
  );
}
