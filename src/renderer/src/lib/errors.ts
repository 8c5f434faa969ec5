import { ERROR_TITLES, isAppErrorShape, type AppErrorShape } from '@shared/contract';

/** Any thrown value as plain AppErrorShape data (safe to keep in a store). */
export function toErrorShape(e: unknown): AppErrorShape {
  if (isAppErrorShape(e)) {
    const shape: AppErrorShape = { code: e.code, message: e.message };
    if (e.detail !== undefined) shape.detail = e.detail;
    if (e.data !== undefined) shape.data = { ...e.data };
    return shape;
  }
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'INTERNAL', message: message || 'Something went wrong.' };
}

export function errorTitle(e: AppErrorShape): string {
  return ERROR_TITLES[e.code] ?? 'Error';
}
