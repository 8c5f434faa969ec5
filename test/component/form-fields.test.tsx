import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';

// useFormFields (hooks/useFormFields.ts) and SelectField, through a small form of their own and
// through the Create volume dialog over a fake transport: what the engine does with a created
// volume is tested against the lab engines (integration), not here.
vi.mock('../../src/renderer/src/rpc/api', () => import('./recording-api'));
const { answerInvoke, calls, resetInvoke } = await import('./recording-api');
answerInvoke(() => ({ name: 'created' }));

const { useFormFields } = await import('../../src/renderer/src/hooks/useFormFields');
const { TextField } = await import('../../src/renderer/src/components/ui/Field');
const { SelectField } = await import('../../src/renderer/src/components/ui/SelectField');
const { CheckboxField } = await import('../../src/renderer/src/components/ui/CheckboxField');
const { CreateVolumeDialog } = await import('../../src/renderer/src/views/volumes/CreateVolumeDialog');
const { settle } = await import('./fixtures');
const { button, cleanup, render, typeInto } = await import('./render');

afterEach(() => {
  cleanup();
  resetInvoke();
});

/** The control named by the label whose text starts with `text`. */
function labelled<T extends HTMLElement>(root: HTMLElement, text: string): T {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent?.startsWith(text));
  const control = label && root.ownerDocument.getElementById(label.htmlFor);
  if (!control) throw new Error(`no control labelled "${text}"`);
  return control as T;
}

const errorOf = (input: HTMLElement) => input.ownerDocument.getElementById(`${input.id}-error`)?.textContent;

const sent: unknown[] = [];

/** One field of each timing, a box and a select, checked the way the dialogs check theirs. */
function Probe() {
  const { field, box, values, set, formProps } = useFormFields(
    { asTyped: '', onLeave: '', onSubmit: '', force: false, kind: 'a' as 'a' | 'b' },
    (v) => ({
      asTyped: v.asTyped.includes(' ') ? 'no spaces' : undefined,
      onLeave: v.onLeave && !/^\d+$/.test(v.onLeave) ? 'a number' : undefined,
      onSubmit: v.onSubmit ? undefined : 'enter something',
    }),
    { asTyped: { show: 'typing' }, onLeave: { show: 'blur', mono: true }, onSubmit: { required: true } },
  );
  return (
    <form {...formProps(() => sent.push(values))}>
      <TextField {...field('asTyped')} label="As typed" />
      <TextField {...field('onLeave')} label="On leave" />
      <TextField {...field('onSubmit')} label="On submit" />
      <CheckboxField {...box('force')} label="Force" />
      <SelectField
        id="probe-kind"
        label="Kind"
        value={values.kind}
        choices={[{ value: 'a', text: 'Alpha' }, 'b']}
        onChange={(k) => set('kind', k)}
        hint="Which one."
      />
      <button type="submit">Send</button>
    </form>
  );
}

describe('useFormFields', () => {
  it('shows each problem at its time, binds required and mono, and sends only a form without problems', async () => {
    sent.length = 0;
    const view = render(<Probe />);
    const asTyped = labelled<HTMLInputElement>(view, 'As typed');
    const onLeave = labelled<HTMLInputElement>(view, 'On leave');
    const onSubmit = labelled<HTMLInputElement>(view, 'On submit');
    expect(onSubmit.required).toBe(true);
    expect(onLeave.className).toContain('mono');
    expect(asTyped.className).not.toContain('mono');

    typeInto(asTyped, 'a b');
    expect(errorOf(asTyped)).toBe('no spaces');
    expect(asTyped.getAttribute('aria-invalid')).toBe('true');

    typeInto(onLeave, 'x');
    expect(errorOf(onLeave)).toBeUndefined();
    act(() => onLeave.dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
    expect(errorOf(onLeave)).toBe('a number');
    expect(errorOf(onSubmit)).toBeUndefined();

    act(() => button(view, 'Send').click());
    await settle();
    expect(errorOf(onSubmit)).toBe('enter something');
    expect(sent).toEqual([]);

    typeInto(asTyped, 'ab');
    typeInto(onLeave, '12');
    typeInto(onSubmit, 'done');
    act(() => labelled<HTMLInputElement>(view, 'Force').click());
    act(() => button(view, 'Send').click());
    await settle();
    expect(sent).toEqual([{ asTyped: 'ab', onLeave: '12', onSubmit: 'done', force: true, kind: 'a' }]);
  });

  it('SelectField: a labelled select described by its hint, whose choices are values or {value, text}', () => {
    const view = render(<Probe />);
    const select = labelled<HTMLSelectElement>(view, 'Kind');
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ['a', 'Alpha'],
      ['b', 'b'],
    ]);
    expect(view.ownerDocument.getElementById(select.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Which one.',
    );
    act(() => {
      select.value = 'b';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(labelled<HTMLSelectElement>(view, 'Kind').value).toBe('b');
  });
});

describe('Create volume dialog on useFormFields', () => {
  it('checks the name as typed and the driver and rows on submit, then sends the trimmed input', async () => {
    const view = render(
      <CreateVolumeDialog hostId="h1" hostName="host h1" onClose={() => {}} refetch={() => {}} />,
    );
    const body = view.ownerDocument.body;
    const name = labelled<HTMLInputElement>(body, 'Name');
    const driver = labelled<HTMLInputElement>(body, 'Driver');
    expect(driver.required).toBe(true);
    expect(name.required).toBe(false);

    typeInto(name, '-bad');
    expect(errorOf(name)).toContain('starting with a letter or digit');
    typeInto(name, ' data ');
    typeInto(driver, '');
    expect(errorOf(driver)).toBeUndefined();
    act(() => button(body, '+ Add label').click());
    typeInto(body.querySelector<HTMLInputElement>('input[aria-label="Labels 1 value"]')!, 'orphan');
    expect(body.textContent).not.toContain('Enter a key.');
    act(() => button(body, 'Create').click());
    await settle();
    expect(errorOf(driver)).toBe('Enter a driver name, e.g. local.');
    expect(body.textContent).toContain('Enter a key.');
    expect(calls).toEqual([]);

    typeInto(driver, 'local');
    act(() => button(body, 'Remove label 1').click());
    act(() => button(body, 'Create').click());
    await settle();
    expect(calls).toEqual([
      {
        method: 'volumes.create',
        input: { hostId: 'h1', name: 'data', driver: 'local', options: {}, labels: {} },
      },
    ]);
  });
});
