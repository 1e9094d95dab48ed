/**
 * Calls of a scoped salesperson read through TEMP views on the one shared
 * connection (db/scope.ts); no other call may run while those views exist,
 * or it would read the scoped rows too. Scoped calls therefore run alone
 * (exclusive); every other call runs alongside the others (shared), and may
 * re-enter the dispatcher (approvals, demo data) without waiting for itself.
 */
export class CallLock {
  private shared = 0;
  private exclusive = false;
  private waiting: (() => boolean)[] = [];

  async run<T>(exclusive: boolean, fn: () => Promise<T>): Promise<T> {
    await new Promise<void>((resolve) => {
      const attempt = () => {
        if (this.exclusive || (exclusive && this.shared > 0)) return false;
        if (exclusive) this.exclusive = true;
        else this.shared++;
        resolve();
        return true;
      };
      if (!attempt()) this.waiting.push(attempt);
    });
    try {
      return await fn();
    } finally {
      if (exclusive) this.exclusive = false;
      else this.shared--;
      this.waiting = this.waiting.filter((attempt) => !attempt());
    }
  }
}
