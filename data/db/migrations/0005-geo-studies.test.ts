import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../sqlite.js';
import { migrate } from '../migrate.js';

let db: Database | undefined;
afterEach(async () => db?.close());

describe('0005 geo studies', () => {
  it('stores study documents as valid JSON only', async () => {
    db = await Database.open(path.join(await mkdtemp(path.join(os.tmpdir(), 'ansim-0005-')), 't.sqlite'));
    await migrate(db);
    const row = (id: string, json: string) =>
      db!.run(`INSERT INTO geo_studies (id, name, study_json, created_at, updated_at, device_id) VALUES (?, 'n', ?, 't', 't', 'd')`, [id, json]);
    await row('a', '{"layers":{}}');
    await expect(row('b', '{not json')).rejects.toThrow(/CHECK/);
    expect((await db.get<{ j: string }>(`SELECT study_json ->> '$.layers' AS j FROM geo_studies`))!.j).toBe('{}');
  });
});
