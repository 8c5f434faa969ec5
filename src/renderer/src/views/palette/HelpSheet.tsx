import { Dialog } from '../../components/ui/Dialog';
import { listCommands, listShortcutHints } from '../../lib/commands';
import { formatBinding, isMacPlatform } from '../../lib/shortcuts';

interface Line {
  keys: string[];
  description: string;
}

/** Every shortcut, grouped: the commands' own bindings and the hints of keys bound elsewhere. */
function shortcutSections(): Array<{ section: string; lines: Line[] }> {
  const mac = isMacPlatform();
  const sections = new Map<string, Line[]>();
  const add = (section: string, line: Line) =>
    sections.set(section, [...(sections.get(section) ?? []), line]);
  for (const h of listShortcutHints()) add(h.section, { keys: h.keys, description: h.description });
  for (const c of listCommands()) {
    if (c.binding)
      add(c.section, { keys: formatBinding(c.binding, mac), description: c.title.replace(/…$/, '') });
  }
  return [...sections].map(([section, lines]) => ({ section, lines }));
}

/** "?" or the palette's "Show keyboard shortcuts": the keys, listed from the command registry. */
export function HelpSheet({ onClose }: { onClose(): void }) {
  return (
    <Dialog
      title="Keyboard shortcuts"
      onClose={onClose}
      size="large"
      dismissOnBackdrop
      className="help-sheet"
    >
      <p className="help-sheet-intro">
        Letters and “?” work when the cursor is not in a text field. “G then …” means: press G, then the
        letter. Host sections need a connected host.
      </p>
      <div className="help-sheet-grid">
        {shortcutSections().map(({ section, lines }) => (
          <section key={section} className="help-sheet-section" aria-label={section}>
            <h3>{section}</h3>
            <dl>
              {lines.map((l) => (
                <div key={`${l.keys.join('+')}:${l.description}`} className="help-sheet-line">
                  <dt>
                    {l.keys.map((k, i) =>
                      k === 'then' ? (
                        <span key={i} className="help-sheet-then">
                          then
                        </span>
                      ) : (
                        <kbd key={i}>{k}</kbd>
                      ),
                    )}
                  </dt>
                  <dd>{l.description}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
