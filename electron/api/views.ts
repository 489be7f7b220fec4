// What the API returns. Personal fields appear decrypted only in these views,
// never in logs or audit entries.
import type {
  AgeBand, BuildingType, SeoulDistrict, CaseStatus, CaseType, ConsentItem, FloorKind, Gender, LeaseType,
} from './domain.js';

export interface RecordMeta {
  id: string;
  createdAt: string;
  updatedAt: string;
  /** Name of the manager who changed it last. */
  updatedBy: string | null;
  isDemo: boolean;
}

export interface ManagerView {
  id: string;
  name: string;
  center: string;
  brokerRegNo: string;
  districts: SeoulDistrict[];
  isDemo: boolean;
  /** 'coordinator' may grant the role, load a reference pack and other center-level actions. */
  role: 'manager' | 'coordinator';
  /** False once deactivated: cannot sign in; their records stay. */
  active: boolean;
}

export interface SessionView {
  /** True until the first manager profile exists. */
  needsSetup: boolean;
  manager: ManagerView | null;
  locked: boolean;
  lockAfterMinutes: number;
  demo: { present: boolean };
  deviceId: string;
  /** Clients whose consented retention ends within the warning window. */
  retentionWarnings: { clientId: string; label: string; name: string | null; expiresOn: string }[];
  /** Records left out of lists because they could not be read (damaged data); ids only. */
  unreadable?: { entity: string; id: string; at: string }[];
}

export interface ConsentView {
  given: boolean;
  date: string | null;
  items: ConsentItem[];
  purpose: string | null;
  retentionMonths: number | null;
  expiresOn: string | null;
  withdrawnAt: string | null;
  /** When the personal fields were destroyed (retention ended or consent withdrawn). */
  destroyedAt: string | null;
  expiringSoon: boolean;
}

export interface ClientView extends RecordMeta {
  /** The name when consented, otherwise a non-identifying label such as "익명 #3f2a". */
  label: string;
  name: string | null;
  phone: string | null;
  notes: string | null;
  consent: ConsentView;
  ageBand: AgeBand | null;
  gender: Gender | null;
  currentDistrict: SeoulDistrict | null;
  desiredDistricts: SeoulDistrict[];
  budgetDeposit: number | null;
  budgetMonthlyRent: number | null;
  budgetMaintenance: number | null;
  moveInDate: string | null;
  caseCount: number;
}

export interface CaseView extends RecordMeta {
  clientId: string;
  clientLabel: string;
  /** The client's name, or null when there is none (no consent, or destroyed). */
  clientName: string | null;
  caseType: CaseType;
  status: CaseStatus;
  district: SeoulDistrict | null;
  managerId: string | null;
  managerName: string | null;
  openedOn: string;
  closedOn: string | null;
  notes: string | null;
  listingCount: number;
}

export interface ListingView extends RecordMeta {
  caseId: string;
  roadAddress: string | null;
  jibunAddress: string | null;
  dong: string | null;
  ho: string | null;
  buildingType: BuildingType;
  leaseType: LeaseType;
  deposit: number;
  monthlyRent: number;
  maintenanceFee: number | null;
  exclusiveAreaM2: number | null;
  floor: number | null;
  floorKind: FloorKind | null;
  approvalYear: number | null;
  marketValue: number | null;
  /** Where the market value is from (issue 13): KB, 한국부동산원, or an asking price. */
  marketValueSource: 'kb' | 'reb' | 'asking' | null;
  officialPrice: number | null;
  /** The listing's place (encrypted under the client's key; null when unplaced). */
  lat: number | null;
  lon: number | null;
  /** How it was placed: clicked on the map, typed, from an address-points layer, or an old plaintext value. */
  locationSource: 'click' | 'typed' | 'address' | 'legacy' | null;
  landlordName: string | null;
  brokerName: string | null;
  brokerOffice: string | null;
  brokerRegNo: string | null;
  notes: string | null;
}

/** A stored photo's facts (the image itself is fetched through the API, never by URL). */
export interface PhotoMeta {
  id: string;
  mime: string;
  width: number;
  height: number;
  /** From EXIF where present. */
  takenAt: string | null;
  lat: number | null;
  lon: number | null;
}

export interface AuditView {
  seq: number;
  at: string;
  managerName: string | null;
  entity: string;
  entityId: string;
  action: string;
  fields: string[];
}
