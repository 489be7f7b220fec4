import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATE_DATA } from '../../checklists/engine/index.js';
import { run } from './ansim.js';
import type { CliIO } from './io.js';

function fakeIO(): CliIO & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    readStdin: async () => '',
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    stdout: () => out,
    stderr: () => err,
  };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ansim-checklist-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeJson(name: string, data: unknown): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, typeof data === 'string' ? data : JSON.stringify(data));
  return file;
}

describe('ansim checklist list', () => {
  it('prints every template at its latest version with section and item counts', async () => {
    const io = fakeIO();
    expect(await run(['checklist', 'list'], io)).toBe(0);
    const list = JSON.parse(io.stdout()) as { id: string; version: number; title: { ko: string; en: string }; sections: number; items: number }[];
    expect(list.map((t) => t.id).sort()).toEqual(['contract', 'inspection', 'registry']);
    for (const t of list) {
      expect(Object.keys(t).sort()).toEqual(['id', 'items', 'sections', 'title', 'version']);
      const data = BUILT_IN_TEMPLATE_DATA[`${t.id}.v${t.version}.json`] as { sections: { items: unknown[] }[] };
      expect(t.sections).toBe(data.sections.length);
      expect(t.items).toBe(data.sections.reduce((n, s) => n + s.items.length, 0));
      expect(t.title.ko).toMatch(/[가-힣]/);
    }
  });
});

describe('ansim checklist validate', () => {
  it('accepts a valid district template: exit 0 and a JSON summary', async () => {
    const data = { ...(BUILT_IN_TEMPLATE_DATA['contract.v1.json'] as object), id: 'gwanak-contract' };
    const file = await writeJson('gwanak.json', data);
    const io = fakeIO();
    expect(await run(['checklist', 'validate', file], io)).toBe(0);
    const summary = JSON.parse(io.stdout());
    expect(summary).toMatchObject({ valid: true, id: 'gwanak-contract', version: 1, alreadyPublished: false });
    expect(summary.refTables).toContain('maintenanceFeeItemisation');
    expect(io.stderr()).toBe('');
  });

  it('explains every error of a broken file in one line each, and exits 2', async () => {
    const data = structuredClone(BUILT_IN_TEMPLATE_DATA['inspection.v1.json']) as any;
    data.sections[2].items[4].options[1].severity = 'bad';
    data.sections[3].items[0].id = 'viewedOn';
    data.sections[0].items[1].type = 'choice';
    const file = await writeJson('broken.json', data);
    const io = fakeIO();
    expect(await run(['checklist', 'validate', file], io)).toBe(2);
    expect(io.stdout()).toBe('');
    const lines = io.stderr().trimEnd().split('\n');
    expect(lines).toEqual([
      `${file}: sections[0].items[1].type (item "buildingType"): unknown item type "choice" (expected one of yesno, single, multi, number, money, date, text, longtext, photo)`,
      `${file}: sections[2].items[4].options[1].severity (item "verandaLeak"): expected one of ok, caution, danger`,
      `${file}: 2 errors (템플릿 오류 2건)`,
    ]);
    // The duplicate id is a rule checked after the schema passes: fix the schema errors and it shows.
    data.sections[2].items[4].options[1].severity = 'caution';
    data.sections[0].items[1].type = 'single';
    const io2 = fakeIO();
    expect(await run(['checklist', 'validate', await writeJson('broken2.json', data)], io2)).toBe(2);
    expect(io2.stderr()).toContain('duplicate item id "viewedOn" (first at sections[0].items[0])');
  });

  it('exits 2 naming the file when it is missing or not JSON', async () => {
    const missing = path.join(dir, 'nope.json');
    const io = fakeIO();
    expect(await run(['checklist', 'validate', missing], io)).toBe(2);
    expect(io.stderr()).toBe(`ansim checklist: ${missing}: file not found (파일이 없습니다)\n`);

    const notJson = await writeJson('bad.json', '{ "id": "x", ');
    const io2 = fakeIO();
    expect(await run(['checklist', 'validate', notJson], io2)).toBe(2);
    expect(io2.stderr()).toMatch(new RegExp(`^ansim checklist: ${notJson.replace(/[.\\/]/g, '\\$&')}: not valid JSON`));
  });

  it('exits 2 on a missing FILE or an unknown subcommand', async () => {
    const io = fakeIO();
    expect(await run(['checklist', 'validate'], io)).toBe(2);
    expect(io.stderr()).toContain('expected FILE');
    const io2 = fakeIO();
    expect(await run(['checklist', 'frobnicate'], io2)).toBe(2);
    expect(io2.stderr()).toContain('list | validate FILE');
  });
});
