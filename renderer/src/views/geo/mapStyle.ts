// The offline base style: a plain background, no remote tiles, styles, sprites or glyphs.
// Labels: maplibre-gl 6.17 draws every glyph itself (TinySDF) when the style has no `glyphs`
// URL, and its `font-faces` property pins the font file it draws with — here the shipped Noto
// Sans KR (OFL) served from the app itself, so Hangul, digits and Latin all render offline with
// the same font, whatever fonts the system has.
import type { StyleSpecification } from 'maplibre-gl';

/** The same TTF the PDF reports use (data/fonts, OFL), copied beside the built renderer by build/build.mjs. */
const LABEL_FONT_FILE = 'fonts/NotoSansKR-Regular.ttf';

export const LABEL_FONT = 'Noto Sans KR';
export const SEOUL_CENTER: [number, number] = [126.986, 37.5665];
export const SEOUL_BOUNDS: [[number, number], [number, number]] = [[126.76, 37.41], [127.19, 37.72]];

/** An optional online basemap, off unless switched on in settings. */
export interface Basemap {
  url: string;
  attribution: string;
}

export function baseStyle(basemap?: Basemap | null): StyleSpecification {
  return {
    version: 8,
    'font-faces': { [LABEL_FONT]: new URL(LABEL_FONT_FILE, document.baseURI).href },
    sources: basemap ? { basemap: { type: 'raster', tiles: [basemap.url], tileSize: 256, attribution: basemap.attribution, maxzoom: 19 } } : {},
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#f3f1ec' } },
      ...(basemap ? [{ id: 'basemap', type: 'raster' as const, source: 'basemap', paint: { 'raster-opacity': 0.9, 'raster-fade-duration': 0 } }] : []),
    ],
  };
}
