/**
 * A small ANSI SGR parser for log lines: colours (16, 256 and 24-bit, foreground and
 * background), bold, dim, italic, underline, inverse and reset. Every other escape sequence
 * (cursor moves, erase, OSC titles and links) is dropped. The output is plain text plus styled
 * ranges, so the view renders text nodes and never HTML from the log.
 */

export interface SgrStyle {
  /** CSS colour, e.g. "var(--ansi-1)" or "rgb(1,2,3)". */
  fg?: string;
  bg?: string;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
}

export interface StyledRun {
  /** Offsets into `plain`. */
  start: number;
  end: number;
  style: SgrStyle;
}

export interface ParsedAnsi {
  plain: string;
  runs: StyledRun[];
}

const ESC = '\x1b';

/** Colour n of the 16-colour palette as a theme variable (defined in logs.css for light and dark). */
function paletteColor(n: number): string {
  return `var(--ansi-${n})`;
}

const CUBE = [0, 95, 135, 175, 215, 255];

/** xterm's 256-colour table: 16 palette colours, a 6×6×6 cube, then 24 greys. */
export function color256(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 0 || n > 255) return undefined;
  if (n < 16) return paletteColor(n);
  if (n < 232) {
    const i = n - 16;
    return `rgb(${CUBE[Math.floor(i / 36)]},${CUBE[Math.floor(i / 6) % 6]},${CUBE[i % 6]})`;
  }
  const g = 8 + (n - 232) * 10;
  return `rgb(${g},${g},${g})`;
}

function byte(v: number | undefined): number | undefined {
  return v !== undefined && Number.isInteger(v) && v >= 0 && v <= 255 ? v : undefined;
}

/** Applies the parameters of one `ESC [ ... m` to a style (a copy). */
export function applySgr(style: SgrStyle, params: number[]): SgrStyle {
  let s: SgrStyle = { ...style };
  if (params.length === 0) return {};
  for (let i = 0; i < params.length; i++) {
    const p = params[i] as number;
    if (p === 0) s = {};
    else if (p === 1) s.bold = true;
    else if (p === 2) s.dim = true;
    else if (p === 3) s.italic = true;
    else if (p === 4) s.underline = true;
    else if (p === 7) s.inverse = true;
    else if (p === 22) {
      delete s.bold;
      delete s.dim;
    } else if (p === 23) delete s.italic;
    else if (p === 24) delete s.underline;
    else if (p === 27) delete s.inverse;
    else if (p >= 30 && p <= 37) s.fg = paletteColor(p - 30);
    else if (p === 39) delete s.fg;
    else if (p >= 40 && p <= 47) s.bg = paletteColor(p - 40);
    else if (p === 49) delete s.bg;
    else if (p >= 90 && p <= 97) s.fg = paletteColor(p - 90 + 8);
    else if (p >= 100 && p <= 107) s.bg = paletteColor(p - 100 + 8);
    else if (p === 38 || p === 48) {
      const mode = params[i + 1];
      let color: string | undefined;
      if (mode === 5) {
        color = color256(params[i + 2] ?? -1);
        i += 2;
      } else if (mode === 2) {
        const [r, g, b] = [byte(params[i + 2]), byte(params[i + 3]), byte(params[i + 4])];
        if (r !== undefined && g !== undefined && b !== undefined) color = `rgb(${r},${g},${b})`;
        i += 4;
      } else {
        // Unknown extended colour: the rest of the sequence can't be interpreted safely.
        break;
      }
      if (color) {
        if (p === 38) s.fg = color;
        else s.bg = color;
      }
    }
  }
  return s;
}

function isEmpty(s: SgrStyle): boolean {
  return Object.keys(s).length === 0;
}

/** Parses one line. Fast path: no ESC, no work. */
export function parseAnsi(text: string): ParsedAnsi {
  if (!text.includes(ESC)) return { plain: text, runs: [] };
  let plain = '';
  const runs: StyledRun[] = [];
  let style: SgrStyle = {};
  let runStart = 0;
  let i = 0;
  const closeRun = () => {
    if (plain.length > runStart && !isEmpty(style)) runs.push({ start: runStart, end: plain.length, style });
    runStart = plain.length;
  };
  while (i < text.length) {
    const esc = text.indexOf(ESC, i);
    if (esc === -1) {
      plain += text.slice(i);
      break;
    }
    plain += text.slice(i, esc);
    const kind = text[esc + 1];
    if (kind === '[') {
      // CSI: parameter bytes 0x30–0x3f, intermediates 0x20–0x2f, one final byte 0x40–0x7e.
      let j = esc + 2;
      while (j < text.length && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x3f) j++;
      const paramText = text.slice(esc + 2, j);
      while (j < text.length && text.charCodeAt(j) >= 0x20 && text.charCodeAt(j) <= 0x2f) j++;
      const final = text[j];
      // An unfinished sequence at the end of the line is dropped.
      if (final === undefined) break;
      if (final === 'm' && /^[\d;:]*$/.test(paramText)) {
        const params = paramText === '' ? [] : paramText.split(/[;:]/).map((x) => (x === '' ? 0 : Number(x)));
        closeRun();
        style = applySgr(style, params);
      }
      i = j + 1;
    } else if (kind === ']') {
      // OSC: up to BEL or ST (ESC \).
      const bel = text.indexOf('\x07', esc + 2);
      const st = text.indexOf(`${ESC}\\`, esc + 2);
      const ends = [bel === -1 ? Infinity : bel + 1, st === -1 ? Infinity : st + 2];
      const end = Math.min(...ends);
      i = end === Infinity ? text.length : end;
    } else if (kind !== undefined && '()*+'.includes(kind)) {
      // Character set designation: ESC ( B and friends, three bytes.
      i = esc + 3;
    } else {
      // Two-byte escape (ESC c, ESC =, charset selection...): drop it.
      i = esc + (kind === undefined ? 1 : 2);
    }
  }
  closeRun();
  return { plain, runs };
}

/** The text without escape sequences (for search, copy and save). */
export function stripAnsi(text: string): string {
  return text.includes(ESC) ? parseAnsi(text).plain : text;
}
