/**
 * The single way into the services: method name -> zod-validated input ->
 * handler -> `{ok:true,data}` or `{ok:false,error:{code,field,message}}`.
 * IPC, the HTTP bridge, the CLI and the tests all call this.
 */
import { z } from 'zod';
import type { MethodName } from '../../shared/api/contract';
import { DomainError, type ApiErrorData, type ApiResult } from '../../shared/errors';
import { storageErrorToApi } from './storageErrors';
import { findHostileText, HOSTILE_TEXT_MESSAGE } from '../../shared/text/hostileChars';
import { methodDef } from './methodDefs';

// zod's own messages (type errors, missing keys) in Chinese, like ours.
z.config(z.locales.zhCN());

export function zodErrorToApi(error: z.ZodError): ApiErrorData {
  const issue = error.issues[0];
  const field = issue && issue.path.length ? issue.path.map(String).join('.') : null;
  return {
    code: 'validation',
    field,
    message: issue?.message ?? '输入不正确',
    details: error.issues.map((i) => ({ field: i.path.map(String).join('.') || null, message: i.message })),
  };
}

export function errorToApi(e: unknown): ApiErrorData {
  if (e instanceof DomainError) return e.toData();
  if (e instanceof z.ZodError) return zodErrorToApi(e);
  const err = e as { code?: unknown; message?: unknown };
  const storage = typeof err?.code === 'string' ? storageErrorToApi(err.code) : null;
  if (storage) return storage;
  if (typeof err?.code === 'string' && err.code.startsWith('SQLITE_')) {
    // The database's own constraints are the second line of defence; reaching
    // them means a service check is missing, so say what happened plainly.
    const message = String(err.message ?? '');
    if (err.code.startsWith('SQLITE_CONSTRAINT')) return { code: 'conflict', field: null, message: `数据约束不允许此操作：${message}` };
    return { code: 'database', field: null, message: `数据库错误：${message}` };
  }
  return { code: 'internal', field: null, message: `内部错误：${e instanceof Error ? e.message : String(e)}` };
}

export type Invoke = (name: MethodName, input: unknown) => Promise<unknown>;

/**
 * Validates and invokes; never throws. `authorize` runs before the input is
 * even parsed, so a caller without the permission learns nothing from
 * validation messages (issue 13: the permission check comes first).
 */
export async function dispatch(method: string, params: unknown, invoke: Invoke, authorize?: (name: MethodName) => void): Promise<ApiResult<unknown>> {
  // Only the called method's area builds its schemas (methodDefs.ts).
  const def = await methodDef(method);
  if (!def) {
    return { ok: false, error: { code: 'unknown_method', field: null, message: `未知的接口方法：${method}` } };
  }
  const name = method as MethodName;
  try {
    authorize?.(name);
  } catch (e) {
    return { ok: false, error: errorToApi(e) };
  }
  const parsed = def.input.safeParse(params ?? {});
  if (!parsed.success) return { ok: false, error: zodErrorToApi(parsed.error) };
  // One guard for every method: no code, name or number can carry NUL, a lone surrogate or a bidi control.
  const hostile = findHostileText(parsed.data);
  if (hostile) {
    const field = hostile.join('.') || null;
    return { ok: false, error: { code: 'validation', field, message: `${field ?? '输入'}${HOSTILE_TEXT_MESSAGE}` } };
  }
  try {
    return { ok: true, data: await invoke(name, parsed.data) };
  } catch (e) {
    return { ok: false, error: errorToApi(e) };
  }
}
