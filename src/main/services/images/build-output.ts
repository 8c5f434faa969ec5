import { AppError, type TaskStep } from '@shared/contract';
import type { EngineProgress } from '../../engine/progress-stream';

/** Characters of an unfinished output line kept before it is shown as is. */
const MAX_PARTIAL = 256 * 1024;
const STEP = /^Step (\d+)\/(\d+) : (.*)$/;
// The classic builder colours a RUN's stderr; the output panel shows plain text.
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

/**
 * Follows the classic builder's output: splits its `stream` text into lines, tracks "Step n/m",
 * remembers the image id, and turns an in-band error into a sentence naming the failing step.
 */
export class BuildOutput {
  step: TaskStep | undefined;
  imageId: string | undefined;
  private partial = '';

  /** The complete lines this event adds, and the build's own error when it reports one. */
  apply(ev: EngineProgress): { lines: string[]; error?: AppError } {
    const lines: string[] = [];
    if (ev.aux?.ID) this.imageId = ev.aux.ID;
    if (typeof ev.stream === 'string') {
      this.partial += ev.stream;
      const parts = this.partial.split('\n');
      this.partial = parts.pop() ?? '';
      for (const raw of parts) lines.push(this.line(raw.replace(/\r$/, '')));
      // Output that never ends a line is shown in pieces instead of growing without bound.
      if (this.partial.length > MAX_PARTIAL) lines.push(...this.flush());
    } else if (ev.status) {
      // Pulls done for FROM (pull=true) and other status messages.
      lines.push(ev.id ? `${ev.id}: ${ev.status}` : ev.status);
    }
    if (ev.error || ev.errorDetail) {
      if (this.partial) lines.push(this.line(this.partial));
      this.partial = '';
      const message = (ev.errorDetail?.message ?? ev.error ?? 'The build failed.').trim();
      lines.push(`ERROR: ${message}`);
      return { lines, error: this.failure(message) };
    }
    return { lines };
  }

  /** Whatever text is left without a final newline. */
  flush(): string[] {
    const rest = this.partial;
    this.partial = '';
    return rest ? [this.line(rest)] : [];
  }

  private line(raw: string): string {
    const text = raw.replace(ANSI, '');
    const m = STEP.exec(text);
    if (m) this.step = { index: Number(m[1]), total: Number(m[2]), instruction: (m[3] ?? '').trim() };
    const built = /^Successfully built ([a-f0-9]{12,64})$/.exec(text);
    if (built && !this.imageId) this.imageId = built[1];
    return text;
  }

  failure(message: string): AppError {
    const step = this.step;
    if (!step) {
      return new AppError({
        code: 'ENGINE_ERROR',
        message: `The build failed before its first step: ${message}`,
      });
    }
    return new AppError({
      code: 'ENGINE_ERROR',
      message: `Step ${step.index}/${step.total} failed (${step.instruction}): ${message}`,
      data: { step: step.index, steps: step.total, instruction: step.instruction },
    });
  }
}
