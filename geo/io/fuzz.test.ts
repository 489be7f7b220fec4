// ~2,000 seeded malformed inputs through every geo importer, in a child process: no untyped
// exception (each ends in a result or a GeoInputError with Korean and English text), and peak
// memory stays within a bound proportional to the inputs (an 864-byte .shp declaring 512 MB must
// not allocate it). More cases: npm run bench:fuzz -- --cases 20000 --seed 2
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FuzzReport } from '../testing/fuzz.js';

describe('importer fuzzing', () => {
  it('turns 2,000 mutated Shapefiles, GeoJSON and CSV files into results or typed errors within a memory bound', () => {
    const out = execFileSync(process.execPath, ['--max-old-space-size=256', '--import', 'tsx', join(import.meta.dirname, '../testing/fuzz.ts'), '--seed', '20261206', '--cases', '2000'], { maxBuffer: 1 << 24 }).toString();
    const rep = JSON.parse(out) as FuzzReport;
    expect(rep.untyped).toEqual([]);
    expect(rep.accepted + rep.refused).toBe(2000);
    expect(rep.refused).toBeGreaterThan(500);
    // Inputs are a few KB: peak RSS may exceed the idle process by a fixed margin and a few times the largest file.
    expect(rep.peakRssMB).toBeLessThanOrEqual(rep.baselineRssMB + 96 + (8 * rep.largestFileBytes) / 2 ** 20);
  }, 600_000);
});
