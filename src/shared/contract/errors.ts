/** Every failure that crosses the contract has one of these codes; the UI turns each into a sentence. */
export const ERROR_CODES = [
  'ENGINE_UNREACHABLE',
  'PERMISSION_DENIED',
  'TLS_ERROR',
  'AUTH_FAILED',
  'SSH_HOST_KEY_UNKNOWN',
  'SSH_HOST_KEY_CHANGED',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_INPUT',
  'TIMEOUT',
  'CANCELLED',
  'ENGINE_ERROR',
  'CONFIG_ERROR',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Plain data, so it survives structured clone and JSON alike (Error instances lose fields over IPC). */
export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  detail?: string;
  /** Machine-readable extras, e.g. the fingerprint of an unknown SSH host key. */
  data?: Record<string, string | number | boolean>;
}

export class AppError extends Error implements AppErrorShape {
  readonly code: ErrorCode;
  readonly detail?: string;
  readonly data?: Record<string, string | number | boolean>;

  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.name = 'AppError';
    this.code = shape.code;
    if (shape.detail !== undefined) this.detail = shape.detail;
    if (shape.data !== undefined) this.data = shape.data;
  }

  toShape(): AppErrorShape {
    const shape: AppErrorShape = { code: this.code, message: this.message };
    if (this.detail !== undefined) shape.detail = this.detail;
    if (this.data !== undefined) shape.data = this.data;
    return shape;
  }
}

export function isAppErrorShape(value: unknown): value is AppErrorShape {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(v.code) &&
    typeof v.message === 'string'
  );
}

/** Short titles for error banners; the message carries the specifics. */
export const ERROR_TITLES: Record<ErrorCode, string> = {
  ENGINE_UNREACHABLE: 'Engine unreachable',
  PERMISSION_DENIED: 'Permission denied',
  TLS_ERROR: 'TLS error',
  AUTH_FAILED: 'Authentication failed',
  SSH_HOST_KEY_UNKNOWN: 'Unknown SSH host key',
  SSH_HOST_KEY_CHANGED: 'SSH host key changed',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Conflict',
  INVALID_INPUT: 'Invalid input',
  TIMEOUT: 'Timed out',
  CANCELLED: 'Cancelled',
  ENGINE_ERROR: 'Engine error',
  CONFIG_ERROR: 'Configuration error',
  INTERNAL: 'Internal error',
};
