// Test support: run poppler-utils on a PDF. Rendering and extracting with an independent
// reader is the only reliable check for Korean PDFs — text can extract perfectly while the
// glyphs draw blank — so the tests look at the pages through poppler, not through pdf-lib.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PopplerPdf {
  file: string;
  text(page?: number): Promise<string>;
  fonts(): Promise<{ stdout: string; stderr: string }>;
  pages(): Promise<number>;
  images(): Promise<{ width: number; height: number; type: string }[]>;
  /** Page rendered to PNG at `dpi`. */
  png(page: number, dpi: number): Promise<Buffer>;
  dispose(): Promise<void>;
}

export async function openWithPoppler(bytes: Uint8Array): Promise<PopplerPdf> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ansim-report-'));
  const file = path.join(dir, 'report.pdf');
  await writeFile(file, bytes);
  return {
    file,
    async text(page) {
      const range = page ? ['-f', String(page), '-l', String(page)] : [];
      return (await run('pdftotext', [...range, '-enc', 'UTF-8', file, '-'])).stdout;
    },
    async fonts() {
      return run('pdffonts', [file]);
    },
    async pages() {
      const { stdout } = await run('pdfinfo', [file]);
      return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
    },
    async images() {
      const { stdout } = await run('pdfimages', ['-list', file]);
      return stdout
        .split('\n')
        .slice(2)
        .filter((l) => l.trim() !== '')
        .map((l) => {
          const c = l.trim().split(/\s+/);
          return { width: Number(c[3]), height: Number(c[4]), type: c[2] };
        });
    },
    async png(page, dpi) {
      const prefix = path.join(dir, `p${page}-${dpi}`);
      await run('pdftoppm', ['-r', String(dpi), '-png', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
      return readFile(`${prefix}.png`);
    },
    async dispose() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}
