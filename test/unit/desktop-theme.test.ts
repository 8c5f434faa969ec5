import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const styles = path.resolve(import.meta.dirname, '../../src/renderer/src/styles');
const read = (f: string) => readFileSync(path.join(styles, f), 'utf8');
const decls = (body: string) =>
  [...body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [
    m[1] as string,
    (m[2] as string).replace(/\s+/g, ' ').trim(),
  ]);

/** Every `@media (prefers-color-scheme: dark) { SELECTOR { ... } }` of a stylesheet. */
function darkBlocks(css: string): Array<{ selector: string; vars: string[][] }> {
  return [...css.matchAll(/@media \(prefers-color-scheme: dark\) \{\s*([^{]+?)\s*\{([^}]*)\}\s*\}/g)].map(
    (m) => ({
      selector: (m[1] as string).trim(),
      vars: decls(m[2] as string),
    }),
  );
}

function overrideBlock(theme: string, selector: string): Map<string, string> {
  const scope = selector === ':root' ? '' : ` ${selector}`;
  const head = `:root[data-theme='${theme}']${scope} {`;
  const css = read('desktop-theme.css');
  const out = new Map<string, string>();
  let at = css.indexOf(head);
  while (at >= 0) {
    const end = css.indexOf('}', at);
    for (const [k, v] of decls(css.slice(at + head.length, end))) out.set(k as string, v as string);
    at = css.indexOf(head, end);
  }
  return out;
}

describe('theme override', () => {
  // Every stylesheet, so a dark block added later without its override fails here.
  const sheets = readdirSync(styles).filter((f) => f.endsWith('.css') && f !== 'desktop-theme.css');
  it.each(sheets)('mirrors every dark colour of %s under data-theme', (file) => {
    const css = read(file);
    for (const block of darkBlocks(css)) {
      const dark = overrideBlock('dark', block.selector);
      const light = overrideBlock('light', block.selector);
      for (const [name, value] of block.vars) {
        expect(dark.get(name as string), `${file} ${block.selector} ${name} (dark)`).toBe(value);
        expect(light.has(name as string), `${file} ${block.selector} ${name} (light)`).toBe(true);
      }
    }
  });

  it('is loaded by the app stylesheet', () => {
    expect(read('desktop.css')).toContain("@import './desktop-theme.css';");
  });
});
