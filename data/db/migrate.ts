// Applies numbered migrations. A database whose applied migrations are not a prefix of the
// migrations this build knows (made by a newer build, or by a branch we never saw) is refused:
// writing to it could corrupt data we do not understand.
import type { Database } from './sqlite.js';
import { migrations as known, type Migration } from './migrations/index.js';

export class MigrationMismatch extends Error {
  constructor(
    readonly applied: { id: number; name: string }[],
    readonly knownIds: number[],
  ) {
    super(
      `This database was changed by a different version of Ansim Desk (applied migrations ${applied
        .map((a) => `${a.id}:${a.name}`)
        .join(', ')}; this version knows ${knownIds.join(', ')}). It was not opened, to protect its data.`,
    );
  }
}

export async function migrate(db: Database, migrations: Migration[] = known): Promise<number[]> {
  await db.exec(
    `CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`,
  );
  const applied = await db.all<{ id: number; name: string }>('SELECT id, name FROM schema_migrations ORDER BY id');
  const isPrefix =
    applied.length <= migrations.length &&
    applied.every((a, i) => a.id === migrations[i].id && a.name === migrations[i].name);
  if (!isPrefix) throw new MigrationMismatch(applied, migrations.map((m) => m.id));
  const done: number[] = [];
  for (const m of migrations.slice(applied.length)) {
    await db.tx(async (q) => {
      await m.up(q);
      await q.run('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)', [
        m.id,
        m.name,
        new Date().toISOString(),
      ]);
    });
    done.push(m.id);
  }
  return done;
}
