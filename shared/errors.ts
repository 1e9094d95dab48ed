/**
 * Domain errors cross every boundary (service -> dispatcher -> IPC/HTTP -> UI)
 * as plain data: a stable code, the field it concerns (dotted path, or null),
 * and a message already written for the user (Chinese by default).
 */
import type { ImportInProgress } from './api/importProgress';

export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unauthorized'
  | 'unknown_method'
  | 'bad_request'
  | 'credit_limit'
  /** The act needs the boss: 当面授权 or 提交审批 (details: ApprovalRequirement). */
  | 'approval_required'
  /** This channel's session is locked (idle or OS lock): unlock with the password. */
  | 'locked'
  | 'database'
  /** Another writer held the database longer than the wait allows; the input is kept, try again. */
  | 'busy'
  | 'disk_full'
  | 'read_only'
  | 'internal';

export interface ApiErrorData {
  code: ErrorCode;
  field: string | null;
  message: string;
  /** Optional structured detail, e.g. the import report of a refused import. */
  details?: unknown;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly field: string | null;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, field: string | null = null, details?: unknown) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = field;
    this.details = details;
  }
  toData(): ApiErrorData {
    const data: ApiErrorData = { code: this.code, field: this.field, message: this.message };
    if (this.details !== undefined) data.details = this.details;
    return data;
  }
}

export const validationError = (field: string, message: string): DomainError =>
  new DomainError('validation', message, field);

/**
 * `importInProgress` is set on every successful result while a chunked
 * import is still being written (shared/api/importProgress.ts): what was read
 * may include some of its customers (each whole) but not yet all of them.
 */
export type ApiResult<T> = { ok: true; data: T; importInProgress?: ImportInProgress } | { ok: false; error: ApiErrorData };
