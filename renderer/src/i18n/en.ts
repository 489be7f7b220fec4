import {
  AGE_BAND_LABELS, BUILDING_TYPE_LABELS, CASE_STATUS_LABELS, CASE_TYPE_LABELS, FLOOR_KIND_LABELS, GENDER_LABELS, LEASE_TYPE_LABELS, labelsIn,
} from '../../../checklists/common/vocabulary.js';
import type { ko } from './ko.js';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const en: Shape<typeof ko> = {
  app: { name: 'Ansim Desk', tagline: 'Safe rental contracts for single-person households', demoBadge: 'Demo', notAdvice: 'This app informs; it is not legal advice.' },
  nav: {
    dashboard: 'Home', clients: 'Clients', cases: 'Cases', listings: 'Listings', checklists: 'Checklists', viewings: 'Viewings', reports: 'Reports',
    policies: 'Programmes', siteStudy: 'Site study', statistics: 'Statistics', settings: 'Settings', soon: 'Coming soon',
  },
  common: {
    save: 'Save', cancel: 'Cancel', edit: 'Edit', delete: 'Delete', undo: 'Undo', close: 'Close', add: 'Add', search: 'Search',
    loading: 'Loading…', empty: 'Nothing here yet.', noResults: 'No results.', all: 'All', yes: 'Yes', no: 'No',
    confirmDelete: 'Delete this?', deleted: 'Deleted.', saved: 'Saved.', required: 'required', optional: 'optional',
    back: 'Back', lastChangedBy: 'Last changed by', retry: 'Retry', error: 'Error', none: 'None', language: '한국어',
  },
  session: {
    whoIsWorking: 'Who is working?', pin: 'PIN', signIn: 'Start', signOut: 'Sign out', lock: 'Lock', locked: 'Locked',
    unlock: 'Unlock', unlockHint: 'Enter the PIN of {{name}}.', switchUser: 'Start as another manager', badPin: 'Wrong PIN.',
    setupTitle: 'Add the first manager', setupHint: 'Create a profile for the manager using this laptop. Each manager sharing it adds their own.',
    demoHint: 'The demo manager’s PIN is 0000.', newManager: 'Add manager',
  },
  manager: { name: 'Name', center: 'Center', brokerRegNo: 'Licensed realtor no.', districts: 'Districts', pin: 'PIN (4–8 digits)' },
  dashboard: {
    title: 'Today at the desk', openCases: 'Open cases', recentClients: 'Recent clients', retention: 'Retention ending soon',
    retentionHint: 'Personal data will be destroyed on {{date}}.', demoNotice: 'Demo data is loaded. Remove it in one step under Settings before real work.',
    newClient: 'New client', newCase: 'New case',
  },
  client: {
    title: 'Clients', new: 'New client', edit: 'Edit client', name: 'Name', phone: 'Phone', ageBand: 'Age band', gender: 'Gender',
    currentDistrict: 'Current district', desiredDistricts: 'Wanted districts', budget: 'Budget', budgetDeposit: 'Deposit limit',
    budgetMonthlyRent: 'Monthly rent limit', budgetMaintenance: 'Maintenance fee limit', moveInDate: 'Wanted move-in date', notes: 'Household notes',
    searchPlaceholder: 'Search name, district, notes', anonymous: 'Anonymous', anonymousLabel: 'Anonymous #{{id}}', cases: '{{count}} case(s)', withdraw: 'Withdraw consent',
    withdrawConfirm: 'Withdrawing consent destroys the name, phone and notes at once, for good. Only statistics (age band, gender, districts, amounts) remain.',
    confirmDeleteWithCases: 'This also hides the client’s {{count}} case(s) and their listings. Delete? (You can undo.)',
    destroyed: 'Personal data destroyed ({{date}})', expiringSoon: 'Retention ends {{date}}', personalLocked: 'Personal fields need consent.',
  },
  consent: {
    title: 'Consent to collect and use personal data', given: 'The client consented', what: 'Items collected', why: 'Purpose', howLong: 'Retention',
    date: 'Date given', months: '{{count}} months', defaultPurpose: 'Safe rental-contract counselling and accompanied viewings',
    expiresOn: 'Retention ends {{date}} (personal data destroyed automatically)', notGiven: 'No consent: counselled anonymously, without name, phone or notes.',
    item: { name: 'Name', phone: 'Phone', notes: 'Household notes', policy: 'Facts for programme matching (age, income, assets, marriage, householder, military service)' },
  },
  case: {
    title: 'Cases', new: 'New case', edit: 'Edit case', client: 'Client', type: 'Type', status: 'Status', district: 'District', manager: 'Manager',
    openedOn: 'Opened', closedOn: 'Closed', notes: 'Notes', month: 'Month opened', listings: 'Listings', noListings: 'No listings in this case.',
    searchPlaceholder: 'Search client name, notes, district', chooseClient: 'Choose a client', listingCount: '{{count}} listing(s)',
  },
  listing: {
    title: 'Listings', new: 'Add listing', edit: 'Edit listing', roadAddress: 'Road-name address', jibunAddress: 'Lot-number address', dong: 'Building', ho: 'Unit',
    buildingType: 'Building type', leaseType: 'Lease type', deposit: 'Deposit', monthlyRent: 'Monthly rent', maintenanceFee: 'Maintenance fee',
    exclusiveArea: 'Exclusive area (㎡)', floor: 'Floor', floorValue: 'floor {{floor}}', floorKind: 'Floor kind', approvalYear: 'Year approved', marketValue: 'Market value',
    officialPrice: 'Official price', coordinates: 'Coordinates (lat, lon)', lat: 'Latitude', lon: 'Longitude', landlord: 'Landlord', landlordName: 'Landlord name',
    broker: 'Broker', brokerName: 'Broker name', brokerOffice: 'Brokerage office', brokerRegNo: 'Broker registration no.', notes: 'Notes',
    leaseShorthand: 'Quick deposit/rent (e.g. 1000/50)', searchPlaceholder: 'Search address, unit, brokerage', pyeong: 'about {{value}} pyeong',
    caseLabel: 'Case',
  },
  money: {
    ambiguous: 'How should “{{input}}” be read?', asMan: '{{value}}', confirmed: 'Confirmed', placeholder: 'e.g. 1억 5천, 15000만, 150,000,000',
    needsConfirm: 'Confirm how the amount is read.',
  },
  settings: {
    title: 'Settings', language: 'Language', lockAfter: 'Lock after (minutes)', demo: 'Demo data', removeDemo: 'Remove all demo data',
    removeDemoConfirm: 'Removes every manager, client, case and listing marked as demo. Real data stays as it is.',
    demoRemoved: 'Removed {{count}} demo records.', noDemo: 'No demo data.', device: 'Device ID', managers: 'Managers',
  },
  // The code lists' labels come from the one vocabulary (checklists/common/vocabulary.ts).
  enum: {
    ageBand: labelsIn(AGE_BAND_LABELS, 'en'),
    gender: labelsIn(GENDER_LABELS, 'en'),
    caseType: labelsIn(CASE_TYPE_LABELS, 'en'),
    caseStatus: labelsIn(CASE_STATUS_LABELS, 'en'),
    buildingType: labelsIn(BUILDING_TYPE_LABELS, 'en'),
    leaseType: labelsIn(LEASE_TYPE_LABELS, 'en'),
    floorKind: labelsIn(FLOOR_KIND_LABELS, 'en'),
  },
  errors: { network: 'Cannot reach the backend. Restart the app.', unauthorized: 'No access token. Open the address the server printed (#token=…).' },
};
