import { lazyComponent } from '../../components/ui/LazyComponent';
import type { CodeEditorProps } from './CodeEditor';

/** The stack editor's CodeMirror, loaded when an editor first shows (not with the first screen). */
export const CodeEditor = lazyComponent<CodeEditorProps>(
  () => import('./CodeEditor').then((m) => m.CodeEditor),
  () => <div className="code-editor" aria-busy="true" />,
);
