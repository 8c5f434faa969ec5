import { act, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { KeyValueRows } from '../../src/renderer/src/views/containers/run/KeyValueRows';
import { PortRows } from '../../src/renderer/src/views/containers/run/PortRows';
import type { FieldErrors, KeyValueRow, PortRow } from '../../src/renderer/src/lib/forms/run-form';
import { button, cleanup, render, typeInto } from './render';

afterEach(cleanup);

const idOf = (key: string) => `run-${key.replaceAll('.', '-')}`;

function byLabel<T extends Element>(root: HTMLElement, label: string): T {
  const found = root.querySelector<T>(`[aria-label="${label}"]`);
  if (found) return found;
  const text = [...root.querySelectorAll('label')].find((l) => l.textContent === label);
  const control = text && root.ownerDocument.getElementById(text.htmlFor);
  if (!control) throw new Error(`nothing labelled "${label}"`);
  return control as unknown as T;
}

let seen: unknown[] = [];

function Ports({ errors = {} }: { errors?: FieldErrors }) {
  const [rows, setRows] = useState<PortRow[]>([]);
  seen = rows;
  return <PortRows rows={rows} errors={errors} idOf={idOf} onChange={setRows} />;
}

describe('RunRows (the run form list fields)', () => {
  it('adds, edits and removes port rows, each field named by its row', () => {
    const view = render(<Ports />);
    expect(view.textContent).toContain('No published ports.');
    act(() => button(view, '+ Add port').click());
    act(() => button(view, '+ Add port').click());
    typeInto(byLabel<HTMLInputElement>(view, 'Port 2 container port'), '8080');
    const protocol = byLabel<HTMLSelectElement>(view, 'Port 2 protocol');
    act(() => {
      protocol.value = 'udp';
      protocol.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(seen).toEqual([
      { hostIp: '', hostPort: '', containerPort: '', protocol: 'tcp' },
      { hostIp: '', hostPort: '', containerPort: '8080', protocol: 'udp' },
    ]);
    act(() => button(view, 'Remove port 1').click());
    expect(seen).toEqual([{ hostIp: '', hostPort: '', containerPort: '8080', protocol: 'udp' }]);
    expect(byLabel<HTMLInputElement>(view, 'Port 1 container port').value).toBe('8080');
  });

  it("shows a row's messages under it, each pointed at by its input, and the list's own message", () => {
    const errors = { 'ports.0.containerPort': 'enter the container port', ports: 'two rows publish 80' };
    const view = render(<Ports errors={errors} />);
    act(() => button(view, '+ Add port').click());
    const input = byLabel<HTMLInputElement>(view, 'Port 1 container port');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const message = view.ownerDocument.getElementById(input.getAttribute('aria-describedby')!);
    expect(message?.textContent).toBe('enter the container port');
    expect(byLabel<HTMLInputElement>(view, 'Port 1 host port').hasAttribute('aria-invalid')).toBe(false);
    expect(view.querySelector('fieldset > .field-error')?.textContent).toBe('two rows publish 80');
  });

  it('masks environment values of secret-looking keys until shown; labels are never masked', () => {
    function Env({ field }: { field: 'env' | 'labels' }) {
      const [rows, setRows] = useState<KeyValueRow[]>([{ key: 'DB_PASSWORD', value: 's3cret' }]);
      return <KeyValueRows field={field} rows={rows} errors={{}} idOf={idOf} onChange={setRows} />;
    }
    const env = render(<Env field="env" />);
    expect(byLabel<HTMLInputElement>(env, 'Variable 1 value').type).toBe('password');
    act(() => button(env, 'Show variable 1 value').click());
    expect(byLabel<HTMLInputElement>(env, 'Variable 1 value').type).toBe('text');
    expect(button(env, '+ Add variable')).toBeTruthy();
    const labels = render(<Env field="labels" />);
    expect(byLabel<HTMLInputElement>(labels, 'Label 1 value').type).toBe('text');
    expect(byLabel<HTMLInputElement>(labels, 'Label 1 key').value).toBe('DB_PASSWORD');
  });
});
