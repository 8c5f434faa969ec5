import { useId, useMemo, useState } from 'react';
import { completeEndpoints, type EndpointDoc } from '@shared/apilog/endpoint-index';

const SHOWN = 8;

/**
 * The console's path with completion from the endpoint index of the host's API version: arrow
 * keys move through the suggestions, Enter or a click takes one (its method and template).
 */
export function PathField({
  apiVersion,
  value,
  error,
  onChange,
  onPick,
}: {
  apiVersion: string;
  value: string;
  error?: string | undefined;
  onChange(path: string): void;
  onPick(e: EndpointDoc): void;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const suggestions = useMemo(
    () => (open ? completeEndpoints(apiVersion, value).slice(0, SHOWN) : []),
    [apiVersion, value, open],
  );
  // The one the user is typing towards exactly needs no list.
  const show = suggestions.length > 0 && !(suggestions.length === 1 && suggestions[0]?.p === value);
  const pick = (e: EndpointDoc) => {
    onPick(e);
    setOpen(false);
  };
  return (
    <div className="api-path-field">
      <label htmlFor={id} className="visually-hidden">
        Path
      </label>
      <input
        id={id}
        className={`input mono${error ? ' input-invalid' : ''}`}
        role="combobox"
        aria-expanded={show}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder="/containers/json"
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (!show) return;
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            const d = e.key === 'ArrowDown' ? 1 : -1;
            setActive((a) => (a + d + suggestions.length) % suggestions.length);
          } else if (e.key === 'Enter') {
            const s = suggestions[active];
            if (s) {
              e.preventDefault();
              pick(s);
            }
          } else if (e.key === 'Escape') {
            e.stopPropagation();
            setOpen(false);
          }
        }}
      />
      {show && (
        <ul className="menu api-suggestions" role="listbox" id={`${id}-list`} aria-label="Endpoints">
          {suggestions.map((s, i) => (
            <li
              key={`${s.m} ${s.p}`}
              role="option"
              aria-selected={i === active}
              className={`menu-item api-suggestion${i === active ? ' is-active' : ''}`}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(s);
              }}
            >
              <span className={`api-method api-method-${s.m}`}>{s.m}</span>
              <span className="mono">{s.p}</span>
              <span className="muted truncate">{s.s}</span>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
