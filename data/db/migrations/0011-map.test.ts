import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../sqlite.js';
import { migrate } from '../migrate.js';

let db: Database | undefined;
afterEach(async () => db?.close());

describe('0011 map', () => {
  it('keeps every saved version of a study document, numbered, and only when it changed', async () => {
    db = await Database.open(path.join(await mkdtemp(path.join(os.tmpdir(), 'ansim-0011-')), 't.sqlite'));
    await migrate(db);
    await db.run(`INSERT INTO geo_studies (id, name, study_json, created_at, updated_at, device_id) VALUES ('s', '1차', '{"a":1}', 't1', 't1', 'd')`);
    await db.run(`UPDATE geo_studies SET study_json = '{"a":2}', updated_at = 't2' WHERE id = 's'`);
    await db.run(`UPDATE geo_studies SET last_run_json = '{}' WHERE id = 's'`);
    await db.run(`UPDATE geo_studies SET name = '2차', updated_at = 't3' WHERE id = 's'`);
    const rows = await db.all<{ version: number; name: string; study_json: string; saved_at: string }>(`SELECT version, name, study_json, saved_at FROM geo_study_versions ORDER BY version`);
    expect(rows).toEqual([
      { version: 1, name: '1차', study_json: '{"a":1}', saved_at: 't1' },
      { version: 2, name: '1차', study_json: '{"a":2}', saved_at: 't2' },
      { version: 3, name: '2차', study_json: '{"a":2}', saved_at: 't3' },
    ]);
  });

  it('names an imported layer file by its name inside the imports folder only', async () => {
    db = await Database.open(path.join(await mkdtemp(path.join(os.tmpdir(), 'ansim-0011-')), 't.sqlite'));
    await migrate(db);
    const add = (file: string) => db!.run(`INSERT INTO map_layers (id, name, file, report_json, created_at, updated_at, device_id) VALUES (?, 'n', ?, '{}', 't', 't', 'd')`, [file, file]);
    await add('a1b2.geojson');
    await expect(add('../../etc/passwd')).rejects.toThrow(/CHECK/);
  });
});
