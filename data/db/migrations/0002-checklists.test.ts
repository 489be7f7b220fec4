import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../sqlite.js';
import { migrate } from '../migrate.js';
import { ClientKeyVault } from '../../crypto/client-keys.js';
import { removeDemo, seedDemo } from '../../demo/seed.js';
import { createRun, latestRunAnswers, listRuns, upsertAnswer } from '../../repos/checklist-runs.js';
import { insertTemplate } from '../../repos/checklist-templates.js';

let db: Database | undefined;
afterEach(async () => db?.close());

const actor = { managerId: null, deviceId: 'dev-1', now: '2026-11-27T01:00:00.000Z' };

async function fresh() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ansim-mig2-'));
  db = await Database.open(path.join(dir, 'test.sqlite'));
  await migrate(db);
  const keys = new ClientKeyVault(dir, randomBytes(32));
  const cipher = keys.folderCipher;
  await seedDemo(db, keys, actor, '2026-11-27');
  const listing = (await db.get<{ id: string }>('SELECT id FROM listings ORDER BY created_at LIMIT 1'))!;
  return { db, cipher, listingId: listing.id };
}

describe('0002 checklists', () => {
  it('creates STRICT tables with sync metadata', async () => {
    const { db } = await fresh();
    for (const table of ['checklist_templates', 'checklist_runs', 'checklist_answers', 'checklist_photos', 'checklist_photo_links']) {
      const sql = (await db.get<{ sql: string }>('SELECT sql FROM sqlite_master WHERE name = ?', [table]))!.sql;
      expect(sql).toMatch(/STRICT$/);
      for (const col of ['created_at', 'updated_at', 'updated_by', 'device_id', 'deleted_at', 'is_demo']) expect(sql).toContain(col);
    }
  });

  it('never overwrites or edits a published template version', async () => {
    const { db } = await fresh();
    await db.tx((q) => insertTemplate(q, actor, { id: 'gwanak', version: 1 }, '{"v":1}'));
    await expect(db.tx((q) => insertTemplate(q, actor, { id: 'gwanak', version: 1 }, '{"v":"other"}'))).rejects.toThrow(/UNIQUE/);
    await expect(db.run(`UPDATE checklist_templates SET json = '{}' WHERE template_id = 'gwanak'`)).rejects.toThrow(/immutable/);
    const rows = await db.all<{ json: string }>(`SELECT json FROM checklist_templates WHERE template_id = 'gwanak'`);
    expect(rows).toEqual([{ json: '{"v":1}' }]);
    await db.tx((q) => insertTemplate(q, actor, { id: 'gwanak', version: 2 }, '{"v":2}'));
  });

  it('keeps one answer per (run, item): answering again replaces it, the note stays encrypted', async () => {
    const { db, cipher, listingId } = await fresh();
    const runId = await db.tx((q) => createRun(q, actor, { listingId, templateId: 'inspection', version: 1, processId: 'p1' }));
    await db.tx((q) => upsertAnswer(q, cipher, actor, runId, { itemId: 'condensation', value: 'yes', note: '안방 창틀 결로' }, 'p1'));
    await db.tx((q) => upsertAnswer(q, cipher, actor, runId, { itemId: 'condensation', value: 'no', note: '다시 보니 물자국' }, 'p1'));
    const rows = await db.all<{ value: string; note_enc: string }>('SELECT value, note_enc FROM checklist_answers WHERE run_id = ?', [runId]);
    expect(rows).toHaveLength(1);
    expect(rows[0].value).toBe('"no"');
    expect(rows[0].note_enc).not.toContain('물자국');
    const latest = await latestRunAnswers(db, listingId, 'inspection', cipher);
    expect(latest).toMatchObject({ runId, templateId: 'inspection', version: 1, completed: false, answers: [{ itemId: 'condensation', value: 'no', note: '다시 보니 물자국' }] });
    // Without the cipher the values are there and the note is not.
    expect((await latestRunAnswers(db, listingId, 'inspection'))!.answers).toEqual([{ itemId: 'condensation', value: 'no' }]);
    expect(await latestRunAnswers(db, listingId, 'registry')).toBeNull();
  });

  it('latestRunAnswers reads the most recently started run of that template', async () => {
    const { db, cipher, listingId } = await fresh();
    const first = await db.tx((q) => createRun(q, actor, { listingId, templateId: 'registry', version: 1, processId: 'p' }));
    await db.tx((q) => upsertAnswer(q, cipher, actor, first, { itemId: 'issuedToday', value: 'no' }, 'p'));
    const later = { ...actor, now: '2026-11-28T01:00:00.000Z' };
    const second = await db.tx((q) => createRun(q, later, { listingId, templateId: 'registry', version: 1, processId: 'p' }));
    await db.tx((q) => upsertAnswer(q, cipher, later, second, { itemId: 'issuedToday', value: 'yes' }, 'p'));
    const latest = await latestRunAnswers(db, listingId, 'registry');
    expect(latest?.runId).toBe(second);
    expect(latest?.answers).toEqual([{ itemId: 'issuedToday', value: 'yes' }]);
  });

  it('runs and answers go with demo listings when the demo is removed', async () => {
    const { db, cipher, listingId } = await fresh();
    const runId = await db.tx((q) => createRun(q, actor, { listingId, templateId: 'inspection', version: 1, processId: 'p' }));
    await db.tx((q) => upsertAnswer(q, cipher, actor, runId, { itemId: 'condensation', value: 'yes' }, 'p'));
    expect(await listRuns(db, { listingId })).toHaveLength(1);
    await removeDemo(db);
    expect(await db.get('SELECT 1 FROM checklist_runs')).toBeUndefined();
    expect(await db.get('SELECT 1 FROM checklist_answers')).toBeUndefined();
  });
});
