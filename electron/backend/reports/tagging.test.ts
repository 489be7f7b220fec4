// The reports are tagged PDFs: checked with poppler's own reading of the structure tree
// (pdfinfo -struct-text) and, for what poppler does not print (/Alt, /Lang, /MarkInfo), by
// walking the objects with pdf-lib.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderTenantReport, renderViewingLog, sampleTenantReportModel, sampleViewingLogModel } from './index.js';
import { openWithPoppler } from './poppler.js';

const run = promisify(execFile);

async function structure(bytes: Uint8Array) {
  const pdf = await openWithPoppler(bytes);
  try {
    const info = (await run('pdfinfo', [pdf.file])).stdout;
    const tree = (await run('pdfinfo', ['-struct-text', pdf.file])).stdout;
    return { info, tree };
  } finally {
    await pdf.dispose();
  }
}

/** Every struct element of a type, with its /Alt, from the PDF objects. */
async function elements(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes);
  const lookup = <T>(o: unknown) => (o instanceof PDFRef ? doc.context.lookup(o) : o) as T;
  const out: { type: string; alt?: string }[] = [];
  const walk = (o: unknown) => {
    const d = lookup<PDFDict | PDFArray | undefined>(o);
    if (d instanceof PDFArray) return d.asArray().forEach(walk);
    if (!(d instanceof PDFDict) || d.get(PDFName.of('Type'))?.toString() !== '/StructElem') return;
    const alt = d.get(PDFName.of('Alt'));
    out.push({ type: d.get(PDFName.of('S'))!.toString().slice(1), alt: alt instanceof PDFHexString || alt instanceof PDFString ? alt.decodeText() : undefined });
    walk(d.get(PDFName.of('K')));
  };
  const root = lookup<PDFDict>(doc.catalog.get(PDFName.of('StructTreeRoot')));
  walk(root.get(PDFName.of('K')));
  return { doc, out };
}

describe('tagged reports', () => {
  it('the tenant report: tagged, ko-KR, titled; headings, tables with header cells, lists, figures with alt text; furniture as artifacts', async () => {
    const bytes = await renderTenantReport(await sampleTenantReportModel());
    const { info, tree } = await structure(bytes);
    expect(info).toMatch(/^Tagged:\s+yes/m);
    expect(info).toMatch(/^Title:\s+상담 결과 보고서/m);
    // Reading order starts with the title as H1, then the content in drawing order.
    expect(tree.trimStart()).toMatch(/^Document\s+H1 \(block\)\s+"상담 결과 보고서"/);
    expect(tree).toMatch(/H2 \(block\)\s+"/);
    expect(tree).toMatch(/TH:\s+\/Scope \/Column/);
    expect(tree).toMatch(/TH:\s+\/Scope \/Row/);
    expect(tree).toContain('"위험"'); // the verdict badge's word is content, inside its paragraph
    // The running footer ("1 / 5 쪽") is an artifact: not in the tree.
    expect(tree).not.toMatch(/\d+ \/ \d+ 쪽/);

    const { doc, out } = await elements(bytes);
    expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(ko-KR)');
    expect(doc.catalog.lookup(PDFName.of('MarkInfo'), PDFDict).get(PDFName.of('Marked'))?.toString()).toBe('true');
    expect(doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict).get(PDFName.of('DisplayDocTitle'))?.toString()).toBe('true');
    const types = new Set(out.map((e) => e.type));
    for (const t of ['H1', 'H2', 'P', 'Table', 'TR', 'TH', 'TD', 'L', 'LI', 'Figure']) expect(types, t).toContain(t);
    const figures = out.filter((e) => e.type === 'Figure');
    expect(figures.length).toBe(6); // the demo's six photos
    for (const f of figures) expect(f.alt?.length ?? 0).toBeGreaterThan(1);
    // Every page knows its place in the parent tree.
    for (const p of doc.getPages()) expect(p.node.get(PDFName.of('StructParents'))).toBeDefined();
  }, 60_000);

  it('the viewing log: the signature is a figure whose alt text names the (masked) signer; photos have alt text', async () => {
    const bytes = await renderViewingLog(await sampleViewingLogModel());
    const { info } = await structure(bytes);
    expect(info).toMatch(/^Tagged:\s+yes/m);
    const { out } = await elements(bytes);
    const sig = out.find((e) => e.type === 'Figure' && e.alt?.startsWith('임차인 서명'));
    expect(sig?.alt).toMatch(/^임차인 서명 \(.\*+.?, /);
    expect(out.filter((e) => e.type === 'Figure' && !e.alt)).toEqual([]);
  }, 60_000);

  it('an English report says en-US', async () => {
    const bytes = await renderViewingLog({ ...(await sampleViewingLogModel()), locale: 'en' });
    const { doc } = await elements(bytes);
    expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(en-US)');
  }, 60_000);
});
