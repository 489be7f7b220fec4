// fontkit 2 ships no type declarations; this covers the part the report engine touches.
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    advanceWidth: number;
  }
  export interface Subset {
    includeGlyph(glyph: number | Glyph): number;
    encode(): Uint8Array;
  }
  export interface Font {
    unitsPerEm: number;
    postscriptName: string | null;
    characterSet: number[];
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    glyphsForString(text: string): Glyph[];
    createSubset(): Subset;
  }
  export function create(buffer: Uint8Array | Buffer, postscriptName?: string): Font;
  const fontkit: { create: typeof create };
  export default fontkit;
}
