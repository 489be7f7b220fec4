import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/sqlite.js';
import { migratedDb } from '../db/test-db.js';
import { getCaseStats, saveCaseStats, statsDrill, statsSummary } from './statistics.js';

let db: Database;
afterEach(async () => db?.close());

const meta = `'t', 't', 'd'`;
beforeEach(async () => {
  db = await migratedDb('ansim-stats-');
  await db.exec(`
    INSERT INTO managers (id, name, pin_salt, pin_hash, created_at, updated_at, device_id) VALUES ('m1', '가', 's', 'h', ${meta}), ('m2', '나', 's', 'h', ${meta});
    INSERT INTO clients (id, age_band, gender, current_district, created_at, updated_at, device_id, is_demo) VALUES
      ('A', '20s', 'female', '관악구', ${meta}, 0), ('B', '30s', 'male', NULL, ${meta}, 0), ('C', '20s', 'female', '관악구', ${meta}, 1);
    INSERT INTO cases (id, client_id, case_type, status, district, manager_id, opened_on, created_at, updated_at, device_id, deleted_at, is_demo) VALUES
      ('k1', 'A', 'contract_consult', 'completed', '관악구', 'm1', '2026-01-10', ${meta}, NULL, 0),
      ('k2', 'A', 'housing_search', 'in_progress', '관악구', 'm2', '2026-02-03', ${meta}, NULL, 0),
      ('k3', 'B', 'viewing_accompany', 'completed', '동작구', 'm1', '2026-02-20', ${meta}, NULL, 0),
      ('k4', 'B', 'contract_consult', 'completed', '관악구', 'm1', '2026-03-01', ${meta}, '2026-03-02', 0),
      ('k5', 'C', 'contract_consult', 'completed', '관악구', 'm1', '2026-03-01', ${meta}, NULL, 1),
      ('k6', 'A', 'policy_guide', 'completed', '관악구', 'm1', '2026-03-05', ${meta}, NULL, 1),
      ('k0', 'A', 'contract_consult', 'completed', '관악구', 'm1', '2025-12-31', ${meta}, NULL, 0);
    INSERT INTO listings (id, case_id, building_type, lease_type, created_at, updated_at, device_id) VALUES
      ('L1', 'k1', 'officetel', 'monthly', ${meta}), ('L4', 'k4', 'officetel', 'monthly', ${meta});
    INSERT INTO checklist_runs (id, listing_id, template_id, template_version, status, started_at, created_at, updated_at, device_id) VALUES
      ('r1', 'L1', 'registry', 1, 'completed', 't', ${meta}), ('r2', 'L1', 'contract', 1, 'completed', 't', ${meta}),
      ('r3', 'L1', 'inspection', 1, 'open', 't', ${meta}), ('r4', 'L4', 'registry', 1, 'completed', 't', ${meta});
    INSERT INTO viewings (id, case_id, date, start_time, status, created_at, updated_at, device_id) VALUES
      ('v1', 'k3', '2026-02-21', '14:00', 'done', ${meta}), ('v2', 'k3', '2026-02-22', '14:00', 'cancelled', ${meta});
  `);
  await saveCaseStats(db, 'k1', { types: ['contract', 'policy'], movingIntoSeoul: false, listingDistrict: '관악구', verdict: 'safe', survey: { on: '2026-01-20', answers: { solved: 5, expertise: 5, kindness: 5, convenience: 5, recommend: 5 } }, programmes: ['seoul-youth-rent', 'housing-benefit'] }, 't', 'm1');
  await saveCaseStats(db, 'k3', { types: ['viewing', 'contract_day'], movingIntoSeoul: true, listingDistrict: '동작구', verdict: 'danger', survey: { on: '2026-02-25', answers: { solved: 3, expertise: 4, kindness: 5, convenience: 2, recommend: 4 } }, programmes: [] }, 't', 'm1');
  await saveCaseStats(db, 'k6', { types: ['policy'], movingIntoSeoul: true, listingDistrict: null, verdict: null, survey: null, programmes: ['housing-benefit'] }, 't', 'm1');
});

const year2026 = { from: '2026-01-01', to: '2026-12-31' };

describe('statistics from a desk’s records (hand-counted)', () => {
  it('counts people (명), cases and consultations (건) by type, without deleted or demo records', async () => {
    const s = await statsSummary(db, year2026);
    // k1 (계약+정책), k2 (탐색, no statistics row → its case type), k3 (집보기+계약 당일); k4 deleted, k5/k6 demo, k0 in 2025.
    expect(s.totals).toEqual({ people: 2, cases: 3, consultations: 5, types: { contract: 1, search: 1, viewing: 1, contract_day: 1, policy: 1 } });
    expect(s.byMonth.map((r) => [r.key, r.people, r.cases, r.consultations])).toEqual([['2026-01', 1, 1, 2], ['2026-02', 2, 2, 3]]);
    expect(s.byDistrict.map((r) => [r.key, r.cases])).toEqual([['관악구', 2], ['동작구', 1]]);
    expect(s.byManager.map((r) => [r.key, r.cases])).toEqual([['m1', 2], ['m2', 1]]);
    expect(s.byResidence.map((r) => [r.key, r.cases])).toEqual([[null, 1], ['관악구', 2]]);
    expect(s.byListingDistrict.map((r) => [r.key, r.cases])).toEqual([[null, 1], ['관악구', 1], ['동작구', 1]]);
    expect(s.byVerdict.map((r) => [r.key, r.cases])).toEqual([[null, 1], ['danger', 1], ['safe', 1]]);
    expect(s.byAgeBand.map((r) => [r.key, r.people])).toEqual([['20s', 1], ['30s', 1]]);
    expect(s.movingIntoSeoul).toBe(1);
    expect(s.viewingsHeld).toBe(1); // v2 was cancelled
    expect(s.checklistsCompleted).toBe(2); // r3 open, r4 on a deleted case
    expect(s.programmes).toEqual([{ id: 'housing-benefit', cases: 1 }, { id: 'seoul-youth-rent', cases: 1 }]);
  });

  it('summarises the survey: share answering 4 or 5, and the mean', async () => {
    const { survey } = await statsSummary(db, year2026);
    expect(survey.respondents).toBe(2);
    expect(survey.items.solved).toEqual({ answers: 2, satisfiedShare: 0.5, mean: 4 });
    expect(survey.items.convenience).toEqual({ answers: 2, satisfiedShare: 0.5, mean: 3.5 });
    expect(survey.items.recommend).toEqual({ answers: 2, satisfiedShare: 1, mean: 4.5 });
  });

  it('filters by period, district, type and age band', async () => {
    expect((await statsSummary(db, { from: '2026-02-01', to: '2026-02-28' })).totals.cases).toBe(2);
    expect((await statsSummary(db, { ...year2026, districts: ['동작구'] })).totals).toMatchObject({ people: 1, cases: 1, consultations: 2 });
    expect((await statsSummary(db, { ...year2026, types: ['policy'] })).totals).toMatchObject({ cases: 1, consultations: 2 });
    expect((await statsSummary(db, { ...year2026, ageBands: ['30s'] })).totals.cases).toBe(1);
    expect((await statsSummary(db, {})).totals.cases).toBe(4); // with k0 from 2025
  });

  it('drills down to the cases behind a number', async () => {
    const feb = await statsDrill(db, year2026, 'month', '2026-02');
    expect(feb.total).toBe(2);
    expect(feb.rows.map((r) => r.id)).toEqual(['k3', 'k2']);
    expect(feb.rows[0]).toEqual({ id: 'k3', openedOn: '2026-02-20', district: '동작구', managerId: 'm1', types: ['viewing', 'contract_day'], ageBand: '30s', gender: 'male' });
    expect((await statsDrill(db, year2026, 'type', 'contract')).rows.map((r) => r.id)).toEqual(['k1']);
    expect((await statsDrill(db, year2026, 'residence', null)).rows.map((r) => r.id)).toEqual(['k3']);
  });

  it('reads back what was recorded for a case', async () => {
    expect(await getCaseStats(db, 'k1')).toEqual({ recorded: true, types: ['contract', 'policy'], movingIntoSeoul: false, listingDistrict: '관악구', verdict: 'safe', survey: { on: '2026-01-20', answers: { solved: 5, expertise: 5, kindness: 5, convenience: 5, recommend: 5 } }, programmes: ['housing-benefit', 'seoul-youth-rent'] });
    // Nothing recorded yet: the case's own type.
    expect(await getCaseStats(db, 'k2')).toMatchObject({ recorded: false, types: ['search'], survey: null, programmes: [] });
    expect(await getCaseStats(db, 'nope')).toBeNull();
  });
});
