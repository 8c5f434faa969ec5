import type { ITheme } from '@xterm/xterm';

/** One dark palette in both app themes: programs assume a dark terminal more often than not. */
export const TERMINAL_THEME: ITheme = {
  background: '#16181d',
  foreground: '#e3e6eb',
  cursor: '#e3e6eb',
  cursorAccent: '#16181d',
  selectionBackground: '#3b5a8c',
  black: '#1e2127',
  red: '#e06c75',
  green: '#98c379',
  yellow: '#e5c07b',
  blue: '#61afef',
  magenta: '#c678dd',
  cyan: '#56b6c2',
  white: '#dcdfe4',
  brightBlack: '#5c6370',
  brightRed: '#ef7c85',
  brightGreen: '#a8d389',
  brightYellow: '#f0d08b',
  brightBlue: '#71bfff',
  brightMagenta: '#d688ed',
  brightCyan: '#66c6d2',
  brightWhite: '#ffffff',
};

export const TERMINAL_FONT =
  "ui-monospace, 'SF Mono', 'Cascadia Mono', 'JetBrains Mono', Menlo, Consolas, 'DejaVu Sans Mono', monospace";
