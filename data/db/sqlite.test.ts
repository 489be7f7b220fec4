import { describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Database, TxMisuseError } from './sqlite.js';

async function freshDb() {
  const db = await Database.open(path.join(await mkdtemp(path.join(os.tmpdir(), 'ansim-sqlite-')), 't.sqlite'));
  await db.exec('CREATE TABLE t (v TEXT NOT NULL) STRICT');
  return db;
}

describe('Database.tx', () => {
  it('a db call inside tx() fails at once with a clear error and rolls the transaction back (instead of waiting forever)', async () => {
    const db = await freshDb();
    const outcome = db.tx(async (q) => {
      await q.run("INSERT INTO t VALUES ('inside')");
      await db.get('SELECT count(*) AS n FROM t'); // the mistake: should be q.get
    });
    await expect(outcome).rejects.toBeInstanceOf(TxMisuseError);
    await expect(outcome).rejects.toThrow(/inside db\.tx\(\).*q\.get/);
    expect(await db.all('SELECT v FROM t')).toEqual([]);
    // The connection is still usable afterwards.
    await db.run("INSERT INTO t VALUES ('after')");
    expect(await db.all('SELECT v FROM t')).toEqual([{ v: 'after' }]);
    await db.close();
  });

  it('a nested db.tx() inside tx() fails the same way', async () => {
    const db = await freshDb();
    await expect(db.tx(async () => db.tx(async () => 1))).rejects.toBeInstanceOf(TxMisuseError);
    await db.close();
  });

  it('other requests\u2019 statements issued during a transaction still wait their turn and run after it', async () => {
    const db = await freshDb();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const order: string[] = [];
    const tx = db.tx(async (q) => {
      await q.run("INSERT INTO t VALUES ('tx')");
      await gate;
      order.push('tx done');
    });
    const outside = db.run("INSERT INTO t VALUES ('outside')").then(() => order.push('outside done'));
    release();
    await Promise.all([tx, outside]);
    expect(order).toEqual(['tx done', 'outside done']);
    expect((await db.all<{ v: string }>('SELECT v FROM t ORDER BY rowid')).map((r) => r.v)).toEqual(['tx', 'outside']);
    await db.close();
  });
});
