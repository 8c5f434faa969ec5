import { describeFailure, escapeLogText } from '../security/log-shape';

export interface AppLog {
  info(msg: string): void;
  error(msg: string, detail?: unknown): void;
}

/**
 * The process log (stderr). Messages are escaped (no forged lines, no terminal escapes) and a
 * detail is reduced to its shape: an error's class, code and escaped message, never raw values.
 */
export const consoleLog: AppLog = {
  info: (msg) => console.error(`[berthmaster] ${escapeLogText(msg, 2000)}`),
  error: (msg, detail) =>
    console.error(
      `[berthmaster] ${escapeLogText(msg, 2000)}`,
      detail === undefined ? '' : describeFailure(detail),
    ),
};
