import { useState, type ReactNode } from 'react';
import { describedBy, FieldError, FieldHint } from '../../components/ui/Field';
import { LineIcon } from '../../components/ui/LineIcon';

export interface PemFieldProps {
  id: string;
  /** e.g. "CA certificate (PEM)" for the textarea. */
  pasteLabel: string;
  /** e.g. "CA certificate file" for the file input. */
  fileLabel: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  hint?: ReactNode;
  placeholder?: string;
  required?: boolean;
  /** File types offered; "" offers every file (SSH keys often have no extension). */
  accept?: string;
  /** Private keys are masked on screen until the user reveals them. */
  secret?: boolean;
}

const MAX_FILE = 256 * 1024;

/** A PEM value that can be chosen from a file (read as text) or pasted. */
export function PemField({
  id,
  pasteLabel,
  fileLabel,
  value,
  onChange,
  error,
  hint,
  placeholder,
  required,
  accept,
  secret,
}: PemFieldProps) {
  const [revealed, setRevealed] = useState(false);
  const masked = Boolean(secret) && !revealed && value.length > 0;
  const fileId = `${id}-file`;
  const [loaded, setLoaded] = useState<string>();
  const [fileError, setFileError] = useState<string>();

  const readFile = (file: File | undefined) => {
    if (!file) return;
    setFileError(undefined);
    if (file.size > MAX_FILE) {
      setFileError(`${file.name} is too large to be a key or certificate.`);
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      onChange(typeof reader.result === 'string' ? reader.result : '');
      setLoaded(file.name);
    };
    reader.onerror = () => setFileError(`Couldn't read ${file.name}.`);
    reader.readAsText(file);
  };

  const shownError = fileError ?? error;
  const hintText =
    loaded && value ? (
      <>
        Loaded from {loaded}. {hint}
      </>
    ) : (
      hint
    );

  return (
    <div className="field pem-field">
      <div className="pem-head">
        <label htmlFor={id} className="field-label">
          {pasteLabel}
          {!required && <span className="optional"> (optional)</span>}
        </label>
        <span className="file-picker">
          {secret && value && (
            <button
              type="button"
              className="button button-small"
              aria-pressed={revealed}
              onClick={() => setRevealed((r) => !r)}
            >
              {revealed ? 'Hide key' : 'Show key'}
            </button>
          )}
          <input
            id={fileId}
            type="file"
            className="visually-hidden file-input"
            accept={accept === undefined ? '.pem,.crt,.cer,.key,text/plain' : accept || undefined}
            onChange={(e) => {
              readFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          <label htmlFor={fileId} className="button button-small file-label">
            <LineIcon size={12}>
              <path d="M4 1.75h5l3 3v9.5H4zM9 1.75v3h3" />
            </LineIcon>
            {fileLabel}
          </label>
        </span>
      </div>
      <textarea
        id={id}
        className={`input textarea mono${masked ? ' is-masked' : ''}`}
        rows={3}
        value={value}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={shownError ? true : undefined}
        aria-describedby={describedBy(id, Boolean(hintText), Boolean(shownError))}
        onChange={(e) => {
          setLoaded(undefined);
          onChange(e.target.value);
        }}
      />
      <FieldHint id={id}>{hintText}</FieldHint>
      <FieldError id={id} error={shownError} />
    </div>
  );
}
