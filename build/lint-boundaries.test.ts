// The folder boundaries of docs/ARCHITECTURE.md are lint rules (eslint.config.js): each wrong-way
// import below must be refused, and the right-way ones next to it accepted.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('folder boundaries', () => {
  it.each([
    ['checklists/engine/x.ts', "import { readFile } from 'node:fs/promises';\nvoid readFile;", /pure engine/],
    ['checklists/engine/x.ts', "import fs from 'fs';\nvoid fs;", /pure engine/],
    ['checklists/rights/x.ts', "import { Database } from '../../data/db/sqlite.js';\nvoid Database;", /pure engine/],
    ['checklists/rights/x.ts', "import { ApiError } from '../../electron/api/errors.js';\nvoid ApiError;", /pure engine/],
    ['geo/core/x.ts', "import { writeFile } from 'node:fs/promises';\nvoid writeFile;", /geo\/core is the pure/],
    ['geo/core/x.ts', "import { readShp } from '../io/shp.js';\nvoid readShp;", /geo\/core is the pure/],
    ['renderer/src/views/X.tsx', "import { migratedDb } from '../../../data/db/test-db.js';\nvoid migratedDb;", /renderer\/ reaches the backend only through api/],
    ['renderer/src/views/X.tsx', "import path from 'node:path';\nvoid path;", /renderer\/ reaches the backend only through api/],
    ['renderer/src/views/X.tsx', "import { handlers } from '../../../electron/backend/backend.js';\nvoid handlers;", /renderer\/ reaches the backend only through api/],
    ['renderer/src/views/X.tsx', "declare const api: (m: string, i: unknown) => void;\napi('clients.create', {} as never);", /No `as never` in the renderer/],
    ['data/repos/x.ts', "import { useApp } from '../../renderer/src/store/app.js';\nvoid useApp;", /data\/ is storage/],
    ['data/repos/x.ts', "import { createWindow } from '../../electron/main/main.js';\nvoid createWindow;", /data\/ is storage/],
    ['electron/api/x.ts', "import { getListing } from '../../data/repos/listings.js';\nvoid getListing;", /contract every side imports/],
    ['electron/backend/viewings/x.ts', "import { checklistHandlers } from '../handlers/checklists.js';\nvoid checklistHandlers;", /Call a service/],
  ])('%s: %s is refused', async (file, code, why) => {
    const found = await problems(file, code);
    expect(found.length, `no boundary error for ${file}`).toBeGreaterThan(0);
    expect(found[0]).toMatch(why);
  });

  it.each([
    ['checklists/calculators/x.ts', "import { LEASE_TYPES } from '../common/vocabulary.js';\nimport { brokerageTable } from '../../data/reference/index.js';\nvoid LEASE_TYPES; void brokerageTable;"],
    ['renderer/src/views/X.tsx', "import { api } from '../api/client.js';\nimport type { ApiInput } from '../../../electron/api/methods.js';\nimport { parseAmount } from '../../../checklists/common/money.js';\nvoid api; void parseAmount; export type I = ApiInput<'clients.create'>;"],
    ['renderer/src/views/X.tsx', "import { referenceTable } from '../../../data/reference/index.js';\nvoid referenceTable;"],
    ['electron/backend/viewings/x.ts', "import { runDetail } from '../services/checklist-runs.js';\nvoid runDetail;"],
    ['geo/io/x.ts', "import { readFile } from 'node:fs/promises';\nimport { planar } from '../core/planar.js';\nvoid readFile; void planar;"],
  ])('%s: the right-way imports pass', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
