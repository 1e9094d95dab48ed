/**
 * The preload: the only bridge between the sandboxed page and the main
 * process. It exposes exactly `window.api = { call, onChanged }` (the
 * PreloadApi contract in shared/) and nothing else: no ipcRenderer, no
 * channel names, no event objects (an IpcRendererEvent carries `sender`).
 * Sandboxed preloads are CommonJS and may only require 'electron'; the build
 * bundles the shared constants in.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DbChangedEvent } from '../../shared/api/contract';
import { IPC_CALL_CHANNEL, IPC_CHANGED_CHANNEL, type PreloadApi } from '../../shared/api/preload';
import type { ApiResult } from '../../shared/errors';

const api: PreloadApi = {
  call(method: string, params: unknown): Promise<ApiResult<unknown>> {
    return ipcRenderer.invoke(IPC_CALL_CHANNEL, method, params) as Promise<ApiResult<unknown>>;
  },
  onChanged(cb: (e: DbChangedEvent) => void): () => void {
    const listener = (_event: IpcRendererEvent, payload: DbChangedEvent) => cb(payload);
    ipcRenderer.on(IPC_CHANGED_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(IPC_CHANGED_CHANNEL, listener);
    };
  },
};

contextBridge.exposeInMainWorld('api', api);
