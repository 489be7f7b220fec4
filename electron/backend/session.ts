// Who is working, and whether the desk is locked. Laptops are shared and carried to site
// visits, so the backend locks itself after a period without activity; only the PIN of the
// person who was working unlocks it (anyone may sign in afresh instead).
export const DEFAULT_LOCK_AFTER_MINUTES = 10;

/** Methods that work without a signed-in, unlocked session. */
export const OPEN_METHODS = new Set(['session.status', 'session.start', 'session.end', 'session.unlock', 'managers.list']);

export class Session {
  managerId: string | null = null;
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
