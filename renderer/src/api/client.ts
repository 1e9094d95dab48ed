/** The typed API client: `api.call('settings.getCompany', {})` -> Output, or throws ApiError. */
import { methods, type Input, type MethodName, type Output } from '../../../shared/api/contract';
import type { ApiErrorData } from '../../../shared/errors';
import { createTransport, type Transport } from './transport';
import { noteImportInProgress } from './runningImport';

export class ApiError extends Error {
  readonly code: ApiErrorData['code'];
  readonly field: string | null;
  readonly details: unknown;
  constructor(data: ApiErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
    this.field = data.field;
    this.details = data.details;
  }
}

export class ApiClient {
  constructor(private readonly transport: Transport) {}

  async call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
    const r = await this.transport.call(method, input);
    if (!r.ok) {
      // An act that needs the boss (issue 13): one dialog for every form offers 当面授权 or 提交审批;
      // cancelling rethrows the refusal, so the form keeps what was typed.
      if (r.error.code === 'approval_required' && approvalHandler && !method.startsWith('approvals.')) {
        return (await approvalHandler(method, input, new ApiError(r.error))) as Output<M>;
      }
      throw new ApiError(r.error);
    }
    noteImportInProgress(r.importInProgress ?? null);
    return r.data as Output<M>;
  }

  /** Tables a query method reads, from the contract (drives refetch on db:changed). */
  readsOf(method: MethodName): readonly string[] {
    return methods[method].reads;
  }

  onChanged = (cb: Parameters<Transport['onChanged']>[0]) => this.transport.onChanged(cb);
}

/** Resolves with the act's result once authorized, or rejects (cancelled, or sent as a request). */
export type ApprovalHandler = (method: MethodName, input: unknown, refusal: ApiError) => Promise<unknown>;
let approvalHandler: ApprovalHandler | null = null;
export function setApprovalHandler(h: ApprovalHandler | null): void {
  approvalHandler = h;
}

let client: ApiClient | null = null;
export function apiClient(): ApiClient {
  client ??= new ApiClient(createTransport());
  return client;
}
