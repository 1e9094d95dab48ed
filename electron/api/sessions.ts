/**
 * Who is logged in on each channel of this runtime: the IPC window, each
 * HTTP bridge token, the CLI process. The actor of a call is built from its
 * channel's session and fresh user data, never from the request body.
 */
export type Channel = 'ipc' | 'http' | 'cli' | 'system';

export interface CallVia {
  /** The session key: 'ipc', 'http:<token hash>', 'cli'. */
  session: string;
  channel: Channel;
}

export interface Session {
  userId: string | null;
  /** Set while the screen is locked (idle, OS lock/suspend, "lock now"). */
  lockedAt: string | null;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  get(key: string): Session {
    let s = this.sessions.get(key);
    if (!s) {
      s = { userId: null, lockedAt: null };
      this.sessions.set(key, s);
    }
    return s;
  }

  login(key: string, userId: string): void {
    this.sessions.set(key, { userId, lockedAt: null });
  }

  logout(key: string): void {
    this.sessions.set(key, { userId: null, lockedAt: null });
  }

  lock(key: string, at: string): void {
    const s = this.get(key);
    if (s.userId && !s.lockedAt) s.lockedAt = at;
  }

  unlock(key: string): void {
    this.get(key).lockedAt = null;
  }

  /** Another database was opened (the demo file or back): its users are not these, so everyone is logged out. */
  clear(): void {
    this.sessions.clear();
  }

  /** OS lock screen / suspend: every interactive session of this PC locks. */
  lockAll(at: string): void {
    for (const s of this.sessions.values()) if (s.userId && !s.lockedAt) s.lockedAt = at;
  }
}
