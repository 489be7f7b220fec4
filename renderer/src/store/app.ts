// App-wide state: the session, the current screen, and transient notices (with undo).
import { create } from 'zustand';
import type { SessionView } from '../../../electron/api/views.js';
import { api } from '../api/client.js';

export type Route =
  | { name: 'dashboard' }
  | { name: 'clients' }
  | { name: 'client'; id?: string }
  | { name: 'cases'; clientId?: string }
  | { name: 'case'; id: string }
  | { name: 'caseNew'; clientId?: string }
  | { name: 'listings' }
  | { name: 'listing'; caseId: string; id?: string }
  | { name: 'settings' }
  | { name: 'rights'; listingId: string; caseId?: string }
  | { name: 'calculators' }
  | { name: 'checklists' }
  | { name: 'checklistListing'; listingId: string }
  | { name: 'checklistRun'; id: string }
  | { name: 'viewings' }
  | { name: 'viewingPlan'; caseId: string; id?: string; listingId?: string }
  | { name: 'viewing'; id: string }
  | { name: 'reports'; caseId?: string }
  | { name: 'siteStudy' }
  | { name: 'soon'; module: string }
  // policy + statistics (issue 12)
  | { name: 'policy' }
  | { name: 'statistics' };

export interface Notice {
  id: number;
  text: string;
  undo?: () => Promise<void>;
  tone?: 'info' | 'error';
}

interface AppState {
  session: SessionView | null;
  route: Route;
  notices: Notice[];
  setSession(s: SessionView): void;
  refreshSession(): Promise<void>;
  go(route: Route): void;
  /** A changed form's question before leaving it (true = may leave); null when none. */
  leaveGuard: (() => boolean) | null;
  setLeaveGuard(guard: (() => boolean) | null): void;
  notify(n: Omit<Notice, 'id'>): void;
  dismiss(id: number): void;
}

let nextId = 1;

export const useApp = create<AppState>((set, get) => ({
  session: null,
  route: { name: 'dashboard' },
  notices: [],
  setSession: (session) => set({ session }),
  refreshSession: async () => set({ session: await api('session.status') }),
  leaveGuard: null,
  setLeaveGuard: (leaveGuard) => set({ leaveGuard }),
  go: (route) => {
    const guard = get().leaveGuard;
    if (guard && !guard()) return;
    set({ route });
    window.scrollTo?.(0, 0);
  },
  notify: (n) => {
    const id = nextId++;
    // How long it stays is the notice's own business (a11y/NoticeItem.tsx: held while hovered or
    // focused, and an undo notice until dismissed).
    set({ notices: [...get().notices, { ...n, id }] });
  },
  dismiss: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
}));
