/**
 * Background sync in the main process: a round every `intervalMs` and one
 * `debounceMs` after the last write, only while sync is on. Rounds go
 * through the runtime's own `call('sync.now')`, so remote changes reach the
 * views by the same `db:changed` broadcast as any write. A round yields
 * between apply transactions, so the UI and ordinary saves keep going.
 */
export interface SyncSchedulerHost {
  call(method: string, params: unknown): Promise<unknown>;
  syncEnabled(): boolean;
}

export interface SchedulerOptions {
  intervalMs?: number;
  debounceMs?: number;
}

export class SyncScheduler {
  private timer: NodeJS.Timeout | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private stopped = false;
  readonly intervalMs: number;
  readonly debounceMs: number;

  constructor(
    private readonly host: SyncSchedulerHost,
    opts: SchedulerOptions = {},
  ) {
    this.intervalMs = opts.intervalMs ?? 30_000;
    this.debounceMs = opts.debounceMs ?? 2_000;
    this.timer = setInterval(() => void this.round(), this.intervalMs);
    this.timer.unref?.();
  }

  /** A write happened: sync shortly after the writing stops. */
  poke(): void {
    if (this.stopped) return;
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.round(), this.debounceMs);
    this.debounce.unref?.();
  }

  private async round(): Promise<void> {
    if (this.stopped || !this.host.syncEnabled()) return;
    // Failures are recorded for the indicator by sync.now itself; nothing to do here.
    await this.host.call('sync.now', {});
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.debounce) clearTimeout(this.debounce);
  }
}
