import { basename } from 'node:path';

/**
 * One file-name rule for the renderer: a .tsx file is a component, PascalCase (LogRow.tsx); a
 * hook is useCamelCase (useMutation.ts); every other module is kebab-case (host-groups.ts).
 */
const COMPONENT = /^[A-Z][A-Za-z0-9]*\.tsx$/;
const HOOK = /^use[A-Z][A-Za-z0-9]*\.tsx?$/;
const MODULE = /^[a-z0-9]+(-[a-z0-9]+)*(\.d)?\.ts$/;
/** Entry points named by the tools that load them. */
const ENTRY = new Set(['main.tsx', 'pages.tsx', 'sections.tsx']);

export const fileNameRule = {
  meta: {
    type: 'suggestion',
    docs: { description: 'Renderer file names: PascalCase.tsx components, useX hooks, kebab-case modules.' },
    messages: {
      name: '"{{name}}": name a component PascalCase.tsx, a hook useCamelCase.ts(x), any other module kebab-case.ts.',
    },
    schema: [],
  },
  create(context) {
    const name = basename(context.filename);
    return {
      Program(node) {
        if (ENTRY.has(name) || COMPONENT.test(name) || HOOK.test(name) || MODULE.test(name)) return;
        context.report({ node, messageId: 'name', data: { name } });
      },
    };
  },
};

export const berthmasterPlugin = { rules: { 'file-name': fileNameRule } };
