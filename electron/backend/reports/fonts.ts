// The report font: Noto Sans KR (TTF, all 11,172 Hangul syllables, Hanja and ㎡), shipped in
// data/fonts with its OFL licence — never from system fonts, so every machine renders the same
// PDF. TTF rather than WOFF/OTF: fontkit subsets TTF fast and correctly.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ReportFontBytes {
  regular: Uint8Array;
  bold: Uint8Array;
}

export const FONTS_DIR = 'data/fonts';
const FILES = { regular: 'NotoSansKR-Regular.ttf', bold: 'NotoSansKR-Bold.ttf' } as const;

let found: string | undefined;

/** The data/fonts folder: searched upward from this module (sources, dist/ bundles, app.asar). */
function fontsDir(): string {
  if (found) return found;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, FONTS_DIR);
    if (existsSync(join(candidate, FILES.regular)) && existsSync(join(candidate, 'OFL.txt'))) return (found = resolve(candidate));
    dir = dirname(dir);
  }
  throw new Error(`the report fonts (${FONTS_DIR}/${FILES.regular}) are missing next to ${fileURLToPath(import.meta.url)}`);
}

/** Absolute paths of the two TTF files. */
export function reportFontPaths(): { regular: string; bold: string } {
  const dir = fontsDir();
  return { regular: join(dir, FILES.regular), bold: join(dir, FILES.bold) };
}

let cached: Promise<ReportFontBytes> | undefined;

/**
 * The font files' bytes, read once per process. The same Uint8Array objects are returned each
 * time, which lets the fontkit adapter reuse its parsed fonts (6 MB each) across reports.
 */
export function loadReportFonts(): Promise<ReportFontBytes> {
  cached ??= (async () => {
    const paths = reportFontPaths();
    const [regular, bold] = await Promise.all([readFile(paths.regular), readFile(paths.bold)]);
    return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
  })();
  cached.catch(() => {
    cached = undefined; // let a later call retry after e.g. a missing install is fixed
  });
  return cached;
}
