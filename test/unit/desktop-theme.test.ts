import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const styles = path.resolve(import.meta.dirname, '../../src/renderer/src/styles');
const read = (f: string) => readFileSync(path.join(styles, f), 'utf8');
const sheets = readdirSync(styles).filter((f) => f.endsWith('.css'));
/** A stylesheet's text without its comments. */
const plain = (f: string) => read(f).replace(/\/\*[\s\S]*?\*\//g, '');
/** The custom properties declared in a block of CSS, as [name, value] in order. */
const declarations = (css: string): Array<[string, string]> =>
  [...css.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1] as string, (m[2] as string).trim()]);

/** Every top-level `SELECTOR { ... }` rule of a stylesheet (comments removed; no nesting here). */
function rules(file: string): Array<{ selector: string; vars: string[] }> {
  return [...plain(file).matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => ({
    selector: (m[1] as string).trim().replace(/\s+/g, ' '),
    vars: declarations(m[2] as string).map(([name]) => name),
  }));
}

const DARK = ":root[data-theme='dark']";
/** The dark rules of every stylesheet, with the selector each overrides (`:root`, `.log-viewer`). */
const darkRules = sheets.flatMap((file) =>
  rules(file)
    .filter((r) => r.selector.startsWith(DARK) && r.vars.length > 0)
    .map((r) => ({ file, base: r.selector.slice(DARK.length).trim() || ':root', vars: r.vars })),
);

describe('theme palettes', () => {
  it('no stylesheet keys colours on prefers-color-scheme: lib/theme.ts resolves it into data-theme', () => {
    for (const file of sheets) {
      const media = /@media[^{]*prefers-color-scheme/.test(plain(file));
      expect(media, `${file} has a prefers-color-scheme media query`).toBe(false);
    }
  });

  it('declares each dark colour once, in the stylesheet that owns its light default', () => {
    // The app palette is a light :root and one dark override; logs.css and stats.css pair each
    // colour as light-dark(light, dark) instead (the next test).
    expect(darkRules.map((r) => r.file)).toEqual(['base.css']);
    const seen = new Set<string>();
    for (const { file, base, vars } of darkRules) {
      const light = new Set(
        rules(file)
          .filter((r) => r.selector === base)
          .flatMap((r) => r.vars),
      );
      for (const name of vars) {
        const key = `${base} ${name}`;
        expect(seen.has(key), `${key} declared twice for the dark theme`).toBe(false);
        seen.add(key);
        expect(light.has(name), `${file} ${key} has no light default`).toBe(true);
      }
    }
    // The base palette is there (and not only a few stray tokens).
    expect(seen.has(':root --bg')).toBe(true);
  });

  it('gives the log and chart palettes both themes in one declaration each', () => {
    const logs = new Map(declarations(plain('logs.css')));
    const ansi = Array.from({ length: 16 }, (_, i) => `--ansi-${i}`);
    for (const name of ['--log-bg', '--log-fg', ...ansi]) {
      expect(logs.get(name), `logs.css ${name}`).toMatch(/^light-dark\(#[0-9a-f]{6}, #[0-9a-f]{6}\)$/);
    }
    const chart = declarations(plain('stats.css')).filter(([name]) => name.startsWith('--chart-'));
    expect(chart.length).toBeGreaterThan(0);
    for (const [name, value] of chart) expect(value, `stats.css ${name}`).toMatch(/^light-dark\(/);
    // light-dark() follows color-scheme, which the theme sets for each data-theme.
    expect(plain('desktop-theme.css')).toMatch(/data-theme='dark'\]\s*\{[^}]*color-scheme:\s*dark/);
  });

  it('keeps no light override: light is the default of every token', () => {
    for (const file of sheets) {
      const lightVars = rules(file)
        .filter((r) => r.selector.startsWith(":root[data-theme='light']"))
        .flatMap((r) => r.vars);
      expect(lightVars, file).toEqual([]);
    }
  });

  it('is loaded by the app stylesheet', () => {
    expect(read('desktop.css')).toContain("@import './desktop-theme.css';");
  });
});
