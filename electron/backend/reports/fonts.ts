// The report font: Noto Sans KR (TTF, all 11,172 Hangul syllables, Hanja and ㎡), loaded from
// the installed @expo-google-fonts package — never from system fonts, so every machine
// renders the same PDF. TTF rather than WOFF/OTF: fontkit subsets TTF fast and correctly.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface ReportFontBytes {
  regular: Uint8Array;
  bold: Uint8Array;
}

const FILES = {
  regular: '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf',
} as const;

/** Absolute paths of the two TTF files, resolved through node_modules. */
export function reportFontPaths(): { regular: string; bold: string } {
  return { regular: require.resolve(FILES.regular), bold: require.resolve(FILES.bold) };
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
