import { memo, type CSSProperties } from 'react';
import { LOG_STDERR, LOG_SYSTEM, type LogStreamCode } from '@shared/contract';
import { segments } from './highlight';
import { displayTs } from './log-time';
import { parseAnsi, type SgrStyle } from './sgr';

const STREAM_NAMES: Record<LogStreamCode, string> = { 1: 'stdout', 2: 'stderr', 3: 'engine' };
const STREAM_TAGS: Record<LogStreamCode, string> = { 1: 'out', 2: 'err', 3: 'sys' };

function css(style: SgrStyle | undefined): CSSProperties | undefined {
  if (!style) return undefined;
  const out: CSSProperties = {};
  let fg = style.fg;
  let bg = style.bg;
  if (style.inverse) {
    [fg, bg] = [bg ?? 'var(--log-bg)', fg ?? 'var(--log-fg)'];
  }
  if (fg) out.color = fg;
  if (bg) out.backgroundColor = bg;
  if (style.bold) out.fontWeight = 700;
  if (style.dim) out.opacity = 0.65;
  if (style.italic) out.fontStyle = 'italic';
  if (style.underline) out.textDecoration = 'underline';
  return out;
}

export interface LogLineProps {
  text: string;
  stream: LogStreamCode;
  ts: string;
  showTs: boolean;
  /** Hide the stdout/stderr tag (TTY output is one stream). */
  showStream: boolean;
  /** Search ranges on the plain text. */
  ranges: ReadonlyArray<readonly [number, number]>;
  current: boolean;
}

/** One log line: stream tag, optional timestamp, text with ANSI colours and search marks (text nodes only). */
export const LogLine = memo(function LogLine({
  text,
  stream,
  ts,
  showTs,
  showStream,
  ranges,
  current,
}: LogLineProps) {
  const parsed = parseAnsi(text);
  const parts = segments(parsed.plain, parsed.runs, ranges);
  return (
    <>
      {showStream && (
        <span className={`log-tag log-tag-${STREAM_NAMES[stream]}`} title={STREAM_NAMES[stream]}>
          {STREAM_TAGS[stream]}
        </span>
      )}
      {showTs && ts && (
        <span className="log-ts" title={ts}>
          {displayTs(ts)}
        </span>
      )}
      <span className="log-text">
        {parts.map((p, i) =>
          p.match ? (
            <mark key={i} className={current ? 'log-mark is-current' : 'log-mark'} style={css(p.style)}>
              {p.text}
            </mark>
          ) : p.style ? (
            <span key={i} style={css(p.style)}>
              {p.text}
            </span>
          ) : (
            p.text
          ),
        )}
      </span>
    </>
  );
});

export function streamClass(stream: LogStreamCode): string {
  return stream === LOG_STDERR
    ? 'log-row-stderr'
    : stream === LOG_SYSTEM
      ? 'log-row-engine'
      : 'log-row-stdout';
}
