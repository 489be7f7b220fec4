// Who is working, and whether the desk is locked. Laptops are shared and carried to site
// visits, so the backend locks itself after a period without activity; only the PIN of the
// person who was working unlocks it (anyone may sign in afresh instead).
export const DEFAULT_LOCK_AFTER_MINUTES = 10;

/** Methods that work without a signed-in, unlocked session. */
export const OPEN_METHODS = new Set(['session.status', 'session.start', 'session.end', 'session.unlock', 'managers.list']);

/** Wrong PINs allowed before a manager's PIN is refused for a while, and for how long. */
export const PIN_ATTEMPTS = 5;
export const PIN_LOCKOUT_MS = 5 * 60_000;

export class Session {
  managerId: string | null = null;
  /** Wrong PIN attempts per manager, so a 4-digit PIN cannot simply be guessed. */
  private failures = new Map<string, { count: number; until: number }>();
  /** PIN checks under way per manager: counted before the slow verification, so concurrent guesses cannot exceed the limit. */
  private pending = new Map<string, number>();

  /**
   * Reserves one PIN attempt, atomically (no await between the check and the count): false when
   * the manager is blocked, or when the attempts under way would reach the limit.
   */
  tryBeginPin(managerId: string, now: number): boolean {
    if (this.pinBlockedFor(managerId, now) > 0) return false;
    const f = this.failures.get(managerId);
    const inFlight = this.pending.get(managerId) ?? 0;
    if ((f?.count ?? 0) + inFlight >= PIN_ATTEMPTS) return false;
    this.pending.set(managerId, inFlight + 1);
    return true;
  }

  /** Ends an attempt begun with tryBeginPin, recording its result. */
  endPin(managerId: string, ok: boolean, now: number): void {
    const n = (this.pending.get(managerId) ?? 1) - 1;
    if (n > 0) this.pending.set(managerId, n);
    else this.pending.delete(managerId);
    this.recordPin(managerId, ok, now);
  }

  /** Milliseconds left before this manager may try a PIN again (0 = may try). */
  pinBlockedFor(managerId: string, now: number): number {
    const f = this.failures.get(managerId);
    return f && f.until > now ? f.until - now : 0;
  }

  recordPin(managerId: string, ok: boolean, now: number): void {
    if (ok) {
      this.failures.delete(managerId);
      return;
    }
    const f = this.failures.get(managerId) ?? { count: 0, until: 0 };
    f.count += 1;
    if (f.count >= PIN_ATTEMPTS) {
      f.until = now + PIN_LOCKOUT_MS;
      f.count = 0;
    }
    this.failures.set(managerId, f);
  }

  locked = false;
  lastActivity = 0;
  lockAfterMinutes = DEFAULT_LOCK_AFTER_MINUTES;

  /** Locks when idle too long; returns the state after the check. */
  checkIdle(now: number): void {
    if (this.managerId && !this.locked && now - this.lastActivity > this.lockAfterMinutes * 60_000) {
      this.locked = true;
    }
  }

  start(managerId: string, now: number) {
    this.managerId = managerId;
    this.locked = false;
    this.lastActivity = now;
  }

  end() {
    this.managerId = null;
    this.locked = false;
  }
}
