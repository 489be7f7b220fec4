// What the modules already in the app store about a client, and what destruction leaves.
// Kept (non-identifying facts for the service's statistics): the client's age band, gender,
// districts, budget and move-in date; cases' type, status, district and dates; listings'
// building and lease type, amounts, area, floor and approval year; checklist runs with their
// choice answers (verdicts); viewings' date, time, status, satisfaction and each stop's
// impression and times. Everything a person typed, every name, address, coordinate, photo,
// signature and document goes.
import { CLIENT_ROWS, registerFileRefs, registerPersonalData } from './registry.js';

let registered = false;

/** Registers the built-in modules' entries (idempotent; called when a backend opens). */
export function registerBuiltInPersonalData(): void {
  if (registered) return;
  registered = true;

  // Checklists: photos (rows, links and — through the file references — their files), notes,
  // free-text answers (stored encrypted as {"$enc": …}), answers an upgrade could not carry.
  registerPersonalData({
    name: 'checklists.photos',
    async run(q, clientId) {
      const ids = await q.all<{ photo_id: string }>(
        `SELECT DISTINCT photo_id FROM checklist_photo_links WHERE run_id IN (${CLIENT_ROWS.runs})`,
        { $client: clientId },
      );
      await q.run(`DELETE FROM checklist_photo_links WHERE run_id IN (${CLIENT_ROWS.runs})`, { $client: clientId });
      for (const { photo_id } of ids) {
        await q.run('DELETE FROM checklist_photos WHERE id = ? AND NOT EXISTS (SELECT 1 FROM checklist_photo_links WHERE photo_id = ?)', [photo_id, photo_id]);
      }
    },
  });
  registerPersonalData({ name: 'checklists.answerNotes', table: 'checklist_answers', key: 'run_id', rows: CLIENT_ROWS.runs, clear: { note_enc: null } });
  registerPersonalData({
    name: 'checklists.textAnswers',
    async run(q, clientId) {
      await q.run(
        // Encrypted text answers; and, written before 0006, plain strings that are not a choice
        // id or a date (choice ids and dates are letters, digits, '-' and '_' only).
        `DELETE FROM checklist_answers WHERE run_id IN (${CLIENT_ROWS.runs})
           AND (json_type(value, '$."$enc"') IS NOT NULL OR (json_type(value) = 'text' AND substr(value, 2, length(value) - 2) GLOB '*[^a-zA-Z0-9_-]*'))`,
        { $client: clientId },
      );
    },
  });
  registerPersonalData({ name: 'checklists.runs', table: 'checklist_runs', rows: CLIENT_ROWS.runs, clear: { unmapped_enc: null } });

  // Rights analysis: the registry document holds 권리자 names and the landlord.
  registerPersonalData({ name: 'rights.registryDocuments', table: 'listing_registries', key: 'listing_id', rows: CLIENT_ROWS.listings, remove: true });

  // Viewings: photos, amendments, the stops' free text, the log's personal fields and signature.
  registerPersonalData({ name: 'viewings.photos', table: 'viewing_photos', key: 'stop_id', rows: CLIENT_ROWS.stops, remove: true });
  registerPersonalData({ name: 'viewings.amendments', table: 'viewing_amendments', key: 'viewing_id', rows: CLIENT_ROWS.viewings, remove: true });
  registerPersonalData({
    name: 'viewings.stops',
    table: 'viewing_stops',
    rows: CLIENT_ROWS.stops,
    clear: { observations_enc: null, impression_note_enc: null, follow_ups_enc: null },
  });
  registerPersonalData({
    name: 'viewings.logs',
    table: 'viewings',
    rows: CLIENT_ROWS.viewings,
    clear: { meeting_place: '', meeting_place_enc: null, next_steps_enc: null, summary_enc: null, tenant_name_enc: null, signature_file: null },
  });

  // Listings: the address and coordinates locate the tenant's home; names and notes are personal.
  registerPersonalData({
    name: 'listings',
    table: 'listings',
    rows: CLIENT_ROWS.listings,
    clear: {
      road_address: null, jibun_address: null, dong: null, ho: null, lat: null, lon: null, location_enc: null,
      road_address_enc: null, jibun_address_enc: null, dong_enc: null, ho_enc: null,
      landlord_name_enc: null, broker_name: null, broker_office: null, broker_reg_no: null, notes_enc: null,
      broker_name_enc: null, broker_office_enc: null, broker_reg_no_enc: null,
    },
  });
  registerPersonalData({ name: 'cases.notes', table: 'cases', rows: CLIENT_ROWS.cases, clear: { notes_enc: null } });
  registerPersonalData({ name: 'forms.drafts', table: 'form_drafts', key: 'client_id', rows: 'SELECT $client', remove: true });

  registerFileRefs({ kind: 'photos', live: 'SELECT id AS name FROM checklist_photos' });
  registerFileRefs({ kind: 'viewing-photos', live: 'SELECT file_id AS name FROM viewing_photos' });
  registerFileRefs({ kind: 'signatures', live: 'SELECT signature_file AS name FROM viewings WHERE signature_file IS NOT NULL' });
}
