import type { ComponentProps } from 'react';
import type { CodeEditor as Editor } from './CodeEditor';
import { lazyComponent } from './LazyComponent';

/** The kit's CodeEditor, with CodeMirror (~1 MB of source) loaded when an editor first shows. */
export const CodeEditor = lazyComponent<ComponentProps<typeof Editor>>(
  () => import('./CodeEditor').then((m) => m.CodeEditor),
  () => <div className="code-editor" aria-busy="true" />,
);
