import { useEffect, useRef } from 'react';
import { basicSetup } from 'codemirror';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { StackDiagnostic } from '@shared/contract';
import { showPath } from './diagnostic-text';

export interface CodeEditorProps {
  /** Accessible name of the editing area. */
  label: string;
  value: string;
  onChange(value: string): void;
  /** Highlight as YAML (the compose file) or plain text (.env). */
  yamlMode?: boolean;
  /** Shown at their lines, refreshed when they change. */
  diagnostics?: StackDiagnostic[];
  readOnly?: boolean;
}

/** Our diagnostics (1-based line/col) as CodeMirror ones (offsets), the whole line when no column. */
function toCm(state: EditorState, list: StackDiagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of list) {
    if (!d.at) continue;
    const line = state.doc.line(Math.min(Math.max(1, d.at.line), state.doc.lines));
    const from = Math.min(line.from + Math.max(0, d.at.col - 1), line.to);
    out.push({
      from,
      to: line.to,
      severity: d.severity,
      message: showPath(d) ? `${d.path}: ${d.message}` : d.message,
    });
  }
  return out;
}

/** A CodeMirror 6 editor, uncontrolled after mount: outside changes of value replace the text. */
export function CodeEditor({ label, value, onChange, yamlMode, diagnostics, readOnly }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>(undefined);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          basicSetup,
          ...(yamlMode ? [yaml()] : []),
          lintGutter(),
          EditorState.readOnly.of(!!readOnly),
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) changed.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    return () => v.destroy();
    // The editor is made once; value and diagnostics are pushed in by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const v = view.current;
    if (!v || v.state.doc.toString() === value) return;
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    v.dispatch(setDiagnostics(v.state, toCm(v.state, diagnostics ?? [])));
  }, [diagnostics]);

  return <div className="code-editor" ref={host} />;
}
