import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWithPoppler, type PopplerPdf } from './poppler.js';
import { sampleTenantReportModel } from './sample.js';
import { orderChecklistItems, renderTenantReport } from './tenant-report.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const REFERENCE = path.join(here, '__fixtures__', 'tenant-report-page1.png');

let bytes: Uint8Array;
let pdf: PopplerPdf;

beforeAll(async () => {
  bytes = await renderTenantReport(await sampleTenantReportModel());
  pdf = await openWithPoppler(bytes);
});
afterAll(async () => pdf?.dispose());

describe('renderTenantReport in English', () => {
  it('prints the fixed labels in English when the model asks for it', async () => {
    const model = { ...(await sampleTenantReportModel()), locale: 'en' as const };
    const en = await openWithPoppler(await renderTenantReport(model));
    try {
      const text = await en.text();
      expect(text).toContain('Counselling report');
      expect(text).toContain('not legal advice');
      expect(text).not.toContain('상담 결과 보고서');
      const pages = await en.pages();
      expect((await en.text(pages)).replace(/\s+/g, '')).toContain(`page${pages}/${pages}`);
    } finally {
      await en.dispose();
    }
  });
});

describe('renderTenantReport (demo case)', () => {
  it('prints the masked name, never the full name, and the key Korean content', async () => {
    const text = await pdf.text();
    expect(text).toContain('상담 결과 보고서');
    expect(text).toContain('김*지');
    expect(text).not.toContain('김민지');
    for (const phrase of ['위험', '최우선변제', '전세보증금반환보증', '29.75㎡', '乙區', '甲區', '11620-2019-00123', '법률 자문이 아닙니다']) {
      expect(text).toContain(phrase);
    }
  });

  it('numbers every page as "x / y 쪽"', async () => {
    const pages = await pdf.pages();
    expect(pages).toBeGreaterThanOrEqual(3);
    // pdftotext drops the narrow spaces of the small footer type, so compare without spaces.
    for (let p = 1; p <= pages; p++) expect((await pdf.text(p)).replace(/\s+/g, '')).toContain(`${p}/${pages}쪽`);
  });

  it('lists checklist problems before the items that were fine', async () => {
    const text = (await pdf.text()).replace(/\s+/g, ' ');
    // 소방 (a problem, 8th in the checklist) comes before 온수 (fine, 2nd).
    expect(text.indexOf('소방 (감지기')).toBeGreaterThan(0);
    expect(text.indexOf('소방 (감지기')).toBeLessThan(text.indexOf('온수 (40초'));
    const ordered = orderChecklistItems([
      { label: 'a', status: 'ok' },
      { label: 'b', status: 'problem' },
      { label: 'c', status: 'na' },
      { label: 'd', status: 'problem' },
    ]);
    expect(ordered.map((i) => i.label)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('embeds both fonts as subsets and poppler reports no errors', async () => {
    const { stdout, stderr } = await pdf.fonts();
    expect(stderr).toBe('');
    const rows = stdout.split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+NotoSansKR-(Regular|Bold)\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    }
  });

  it('re-encodes the photos to report resolution and stays small', async () => {
    const images = await pdf.images();
    expect(images).toHaveLength(6);
    for (const img of images) expect(Math.max(img.width, img.height)).toBeLessThanOrEqual(800);
    expect(bytes.length).toBeLessThan(1024 * 1024);
  });

  it('renders page 1 like the reference image (glyphs drawn, nothing moved)', async () => {
    const png = await pdf.png(1, 50);
    if (process.env.UPDATE_REFERENCE === '1' || !existsSync(REFERENCE)) {
      if (process.env.UPDATE_REFERENCE !== '1') throw new Error(`missing ${REFERENCE}: run with UPDATE_REFERENCE=1`);
      await mkdir(path.dirname(REFERENCE), { recursive: true });
      await writeFile(REFERENCE, png);
    }
    const [actual, expected] = await Promise.all(
      [png, REFERENCE].map((src) => sharp(src).removeAlpha().raw().toBuffer({ resolveWithObject: true })),
    );
    expect([actual.info.width, actual.info.height]).toEqual([expected.info.width, expected.info.height]);
    let differing = 0;
    let ink = 0;
    const px = actual.info.width * actual.info.height;
    for (let i = 0; i < px; i++) {
      let d = 0;
      for (let c = 0; c < 3; c++) d = Math.max(d, Math.abs(actual.data[i * 3 + c] - expected.data[i * 3 + c]));
      if (d > 48) differing++;
      if (actual.data[i * 3] < 128) ink++;
    }
    // Anti-aliasing may differ by a few pixels between poppler builds; blank or shifted text
    // changes thousands.
    expect(differing / px).toBeLessThan(0.005);
    expect(ink / px).toBeGreaterThan(0.01);
  });
});
