// The one typed API: method name → input schema, and method name → result type.
// The Electron preload, the loopback HTTP host and the backend all use this list as the
// allow-list; nothing outside it can be called.
import type { z } from 'zod';
import * as s from './schemas.js';
import type { AuditView, CaseView, ClientView, ListingView, ManagerView, SessionView } from './views.js';
import { checklistInputs, type ChecklistResults } from './checklist-methods.js';
import { rightsInputs, type RightsResults } from './rights-methods.js';
import { geoInputs, type GeoResults } from './geo-methods.js';
import { viewingInputs, type ViewingResults } from './viewing-methods.js';
import { managerInputs, type ManagerResults } from './manager-methods.js';
import { referenceInputs, type ReferenceResults } from './reference-methods.js';
import { backupInputs, type BackupResults } from './backup-methods.js';
import { policyInputs, type PolicyResults } from './policy-methods.js';
import { statsInputs, type StatsResults } from './stats-methods.js';
import { privacyInputs, type PrivacyResults } from './privacy-methods.js';
import { leaseInputs, type LeaseResults } from './lease-methods.js';
import { mergeMethodMaps } from './method-map.js';
import { jobInputs, type JobResults } from './jobs-methods.js';
import { mapInputs, type MapResults } from './map-methods.js';

const coreInputs = {
  'session.status': s.empty,
  'session.start': s.sessionStart,
  'session.lock': s.empty,
  'session.unlock': s.pinOnly,
  'session.end': s.empty,
  'session.touch': s.empty,
  'session.setLockAfter': s.lockAfter,

  'managers.list': s.managerListFilter,
  'managers.create': s.managerInput,

  'clients.list': s.search,
  'clients.get': s.byId,
  'clients.findByPhone': s.phoneLookup,
  'clients.create': s.clientInput,
  'clients.update': s.clientUpdate,
  'clients.delete': s.byId,
  'clients.restore': s.byId,
  'clients.withdrawConsent': s.byId,

  'cases.list': s.caseFilter,
  'cases.get': s.byId,
  'cases.create': s.caseInput,
  'cases.update': s.caseUpdate,
  'cases.delete': s.byId,
  'cases.restore': s.byId,

  'listings.list': s.listingFilter,
  'listings.get': s.byId,
  'listings.create': s.listingInput,
  'listings.update': s.listingUpdate,
  'listings.delete': s.byId,
  'listings.restore': s.byId,
  /** Places a listing on the map (clicked, typed, or from an address-points layer); encrypted under the client's key. */
  'listings.setLocation': s.listingLocation,
  'listings.clearLocation': s.listingLocationClear,

  'audit.list': s.byId,
  'demo.remove': s.empty,
} as const;

// Each module's map, merged; a name registered twice throws at start-up (see method-map.ts).
// Add a module's map at the END.
export const apiInputs = mergeMethodMaps('API inputs', {
  core: coreInputs,
  checklists: checklistInputs,
  rights: rightsInputs,
  geo: geoInputs,
  viewings: viewingInputs,
  managers: managerInputs,
  reference: referenceInputs,
  lease: leaseInputs,
  policy: policyInputs,
  stats: statsInputs,
  jobs: jobInputs,
  map: mapInputs,
  privacy: privacyInputs,
  backup: backupInputs,
});

export type Method = keyof typeof apiInputs;
export type ApiInput<M extends Method> = z.input<(typeof apiInputs)[M]>;
export type ApiParsedInput<M extends Method> = z.output<(typeof apiInputs)[M]>;

export interface ApiResults extends ChecklistResults, RightsResults, GeoResults, ViewingResults, ManagerResults, ReferenceResults, LeaseResults, PolicyResults, StatsResults, JobResults, MapResults, PrivacyResults, BackupResults {
  'session.status': SessionView;
  'session.start': SessionView;
  'session.lock': SessionView;
  'session.unlock': SessionView;
  'session.end': SessionView;
  'session.touch': { ok: true };
  'session.setLockAfter': SessionView;

  'managers.list': ManagerView[];
  'managers.create': ManagerView;

  'clients.list': ClientView[];
  'clients.get': ClientView;
  'clients.findByPhone': ClientView[];
  'clients.create': ClientView;
  'clients.update': ClientView;
  'clients.delete': { id: string };
  'clients.restore': ClientView;
  'clients.withdrawConsent': ClientView;

  'cases.list': CaseView[];
  'cases.get': CaseView;
  'cases.create': CaseView;
  'cases.update': CaseView;
  'cases.delete': { id: string };
  'cases.restore': CaseView;

  'listings.list': ListingView[];
  'listings.get': ListingView;
  'listings.create': ListingView;
  'listings.update': ListingView;
  'listings.delete': { id: string };
  'listings.restore': ListingView;
  'listings.setLocation': ListingView;
  'listings.clearLocation': ListingView;

  'audit.list': AuditView[];
  'demo.remove': { removed: number };
}

// Compile-time check that every method has a result type and vice versa.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _methodsMatch: Same<Method, keyof ApiResults> = true;
void _methodsMatch;

export const METHODS = Object.keys(apiInputs) as Method[];

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(apiInputs, name);
}
