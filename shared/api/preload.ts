/** What the Electron preload exposes as `window.api`: one call, one event stream. */
import type { ApiResult } from '../errors';
import type { DbChangedEvent } from './contract';

export interface PreloadApi {
  call(method: string, params: unknown): Promise<ApiResult<unknown>>;
  onChanged(cb: (e: DbChangedEvent) => void): () => void;
}

/** The single IPC channel the dispatcher listens on, and the event channel. */
export const IPC_CALL_CHANNEL = 'dealerdesk:call';
export const IPC_CHANGED_CHANNEL = 'dealerdesk:db-changed';
