import { useId, useState, type FormEvent } from 'react';
import { execOpenSchema } from '@shared/contract';
import { AUTO_SHELL } from '@shared/apilog/form-requests';
import { execFormCopy } from '@shared/apilog/form-copy';
import { joinCommand, parseEnvLines, splitCommand, type ShellPrefs } from '../../lib/shell-prefs';
import { CopyAsMenu } from '../api/CopyAsMenu';
import { TextField } from '../ui/Field';
import { LabeledField } from '../ui/LabeledField';
import { MonoInput } from '../ui/MonoInput';

const PRESETS: Array<{ id: string; label: string; argv?: string[] }> = [
  { id: 'auto', label: 'Auto (bash, else sh)' },
  { id: 'bash', label: '/bin/bash', argv: ['/bin/bash'] },
  { id: 'sh', label: '/bin/sh', argv: ['/bin/sh'] },
  { id: 'ash', label: '/bin/ash', argv: ['/bin/ash'] },
  { id: 'custom', label: 'Custom command…' },
];

function presetOf(prefs: ShellPrefs): string {
  if (prefs.shell === 'auto') return 'auto';
  const joined = prefs.shell.join(' ');
  return PRESETS.find((p) => p.argv?.join(' ') === joined)?.id ?? 'custom';
}

const check = execOpenSchema.pick({ user: true, workingDir: true, env: true });

/** The shell picker: a preset or a custom command, plus optional user, directory and env. */
export function ShellForm({
  initial,
  busy,
  onOpen,
  copyTarget,
}: {
  initial: ShellPrefs;
  busy: boolean;
  onOpen(prefs: ShellPrefs): void;
  /** Offers "Copy as…" for the exec this form would create in that container. */
  copyTarget?: { hostId: string; container: string };
}) {
  const id = useId();
  const [preset, setPreset] = useState(presetOf(initial));
  const [command, setCommand] = useState(initial.shell === 'auto' ? '' : joinCommand(initial.shell));
  const [user, setUser] = useState(initial.user ?? '');
  const [workingDir, setWorkingDir] = useState(initial.workingDir ?? '');
  const [env, setEnv] = useState((initial.env ?? []).join('\n'));
  const [more, setMore] = useState(Boolean(initial.user || initial.workingDir || initial.env?.length));
  const [problem, setProblem] = useState<string | undefined>();

  /** The form's settings, or what is wrong with them. */
  const read = (): { prefs: ShellPrefs } | { problem: string } => {
    const argv = preset === 'custom' ? splitCommand(command) : PRESETS.find((p) => p.id === preset)?.argv;
    if (preset === 'custom' && (!argv || argv.length === 0))
      return { problem: 'Enter the command to run, e.g. /bin/bash -l' };
    const prefs: ShellPrefs = { shell: argv ?? 'auto' };
    if (user.trim()) prefs.user = user.trim();
    if (workingDir.trim()) prefs.workingDir = workingDir.trim();
    const envList = parseEnvLines(env);
    if (envList.length) prefs.env = envList;
    const { shell: _shell, ...options } = prefs;
    const parsed = check.safeParse(options);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = String(issue?.path[0] ?? '');
      const name = field === 'workingDir' ? 'Working directory' : field === 'env' ? 'Environment' : 'User';
      return { problem: `${name}: ${issue?.message ?? 'invalid'}.` };
    }
    return { prefs };
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const out = read();
    setProblem('problem' in out ? out.problem : undefined);
    if ('prefs' in out) onOpen(out.prefs);
  };

  const copy = () => {
    const out = read();
    if (!copyTarget || !('prefs' in out)) return undefined;
    const { shell, ...rest } = out.prefs;
    return execFormCopy({
      ...rest,
      container: copyTarget.container,
      cmd: shell === 'auto' ? AUTO_SHELL : shell,
      tty: true,
    });
  };

  return (
    <form className="shell-form" onSubmit={submit} aria-label="Open a shell">
      <div className="shell-form-row">
        <LabeledField id={`${id}-shell`} label="Shell" className="shell-field">
          <select
            id={`${id}-shell`}
            className="input"
            value={preset}
            onChange={(e) => setPreset(e.target.value)}
          >
            {PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </LabeledField>
        {preset === 'custom' && (
          <LabeledField id={`${id}-cmd`} label="Command" className="grow">
            <MonoInput id={`${id}-cmd`} value={command} placeholder="/bin/bash -l" onValue={setCommand} />
          </LabeledField>
        )}
        <div className="shell-form-submit">
          {copyTarget && <CopyAsMenu hostId={copyTarget.hostId} build={copy} drop="down" />}
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Opening…' : 'Open shell'}
          </button>
        </div>
      </div>
      <button
        type="button"
        className="terminal-link-button"
        aria-expanded={more}
        onClick={() => setMore(!more)}
      >
        {more ? 'Fewer options' : 'User, directory, environment…'}
      </button>
      {more && (
        <div className="shell-form-more">
          <div className="shell-form-row">
            <TextField
              id={`${id}-user`}
              label="User"
              placeholder="root or 1000:1000"
              mono
              value={user}
              onChange={setUser}
            />
            <TextField
              id={`${id}-dir`}
              className="grow"
              label="Working directory"
              placeholder="/app"
              mono
              value={workingDir}
              onChange={setWorkingDir}
            />
          </div>
          <label className="field" htmlFor={`${id}-env`}>
            <span className="field-label">
              Environment <span className="optional">(NAME=value, one per line)</span>
            </span>
            <textarea
              id={`${id}-env`}
              className="input textarea mono"
              rows={3}
              value={env}
              spellCheck={false}
              onChange={(e) => setEnv(e.target.value)}
            />
          </label>
        </div>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
