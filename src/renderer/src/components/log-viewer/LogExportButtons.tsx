import { plural } from '../../lib/plural';
import { copyText, logFileName, saveLines } from './export-log';

/** Copy and Save… for a log view's lines; the outcome goes to `onNotice` ("Copied 12 lines."). */
export function LogExportButtons({
  lines,
  name,
  onNotice,
}: {
  /** The plain lines, read when a button is pressed. */
  lines(): Iterable<string>;
  /** The saved file's name stem (a container's name, "merged"). */
  name: string;
  onNotice(text: string): void;
}) {
  const onCopy = async () => {
    const all = [...lines()];
    try {
      await copyText(all.join('\n'));
      onNotice(`Copied ${plural(all.length, 'line')}.`);
    } catch (e) {
      onNotice(`Could not copy: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <>
      <button type="button" className="button button-small" onClick={() => void onCopy()}>
        Copy
      </button>
      <button
        type="button"
        className="button button-small"
        onClick={() => onNotice(`Saved ${plural(saveLines(logFileName(name), lines()), 'line')}.`)}
      >
        Save…
      </button>
    </>
  );
}
