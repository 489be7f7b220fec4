// pdf-lib 1.17 was written against @pdf-lib/fontkit, whose Korean subsets come out broken
// without any error (half the glyphs blank). Upstream fontkit 2 subsets correctly, but its
// subset offers `encode()` where pdf-lib calls `encodeStream()`. This adapter bridges the
// two and memoises the parsed font, so embedding the same TTF in many reports parses it once.
//
// It also replaces `layout()` with a plain character-to-glyph mapping. pdf-lib reads only the
// glyph ids and advance widths of a layout (never the GPOS positions), and precomposed Hangul,
// Hanja, Latin and digits need no substitution; yet fontkit's OpenType shaping ran through
// Noto Sans KR's large GSUB tables on every string and took most of a report's render time.
// Callers normalise text to NFC first so decomposed jamo still map to precomposed syllables.
import * as fontkit from 'fontkit';
import type { Font, Subset } from 'fontkit';
import type { PDFDocument } from 'pdf-lib';

/** What `PDFDocument.registerFontkit` accepts (pdf-lib does not export the type itself). */
type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/** The minimal event-emitter shape pdf-lib reads the subset bytes from. */
interface ByteStream {
  on(event: 'data' | 'end' | 'error', listener: (arg?: unknown) => void): ByteStream;
}

function streamOf(produce: () => Uint8Array): ByteStream {
  const listeners: Record<string, ((arg?: unknown) => void)[]> = {};
  const stream: ByteStream = {
    on(event, listener) {
      (listeners[event] ??= []).push(listener);
      return stream;
    },
  };
  // pdf-lib attaches all three listeners synchronously, then waits; emit on the next tick.
  queueMicrotask(() => {
    try {
      const bytes = produce();
      for (const l of listeners.data ?? []) l(bytes);
      for (const l of listeners.end ?? []) l();
    } catch (e) {
      for (const l of listeners.error ?? []) l(e);
    }
  });
  return stream;
}

function adaptSubset(subset: Subset): Subset & { encodeStream(): ByteStream } {
  return Object.assign(subset, { encodeStream: () => streamOf(() => subset.encode()) });
}

const parsed = new WeakMap<object, Font>();

function adaptFont(font: Font): Font {
  const original = font.createSubset.bind(font);
  Object.assign(font, {
    createSubset: () => adaptSubset(original()),
    layout: (text: string) => ({ glyphs: font.glyphsForString(text) }),
  });
  return font;
}

/** Pass to `PDFDocument.registerFontkit`. */
export const fontkitAdapter: Fontkit = {
  create(fontData: Uint8Array) {
    // Memoise by the byte array's identity: callers keep one Uint8Array per font file.
    let font = parsed.get(fontData);
    if (!font) {
      font = adaptFont(fontkit.create(fontData));
      parsed.set(fontData, font);
    }
    return font as unknown as ReturnType<Fontkit['create']>;
  },
};
