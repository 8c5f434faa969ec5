/** The stdout and stderr checkboxes that show or hide each stream's lines. */
export function StreamChecks(p: {
  stdout: boolean;
  onStdout(v: boolean): void;
  stderr: boolean;
  onStderr(v: boolean): void;
}) {
  return (
    <>
      <label className="log-check log-check-stdout">
        <input type="checkbox" checked={p.stdout} onChange={(e) => p.onStdout(e.target.checked)} />
        stdout
      </label>
      <label className="log-check log-check-stderr">
        <input type="checkbox" checked={p.stderr} onChange={(e) => p.onStderr(e.target.checked)} />
        stderr
      </label>
    </>
  );
}
