// Coordinate systems Korean data arrives in, with proj4 definitions checked against GDAL/PROJ 9
// (see ../shared/domain/engineering-notes.md). EPSG:5174 always carries the datum shift: an ESRI
// Bessel .prj has none, and without it every point lands ~364 m off.
import proj4 from 'proj4';
import { fail } from './messages.js';

export type Epsg = 4326 | 5174 | 5179 | 5181 | 5186;
export const SUPPORTED_EPSG: readonly Epsg[] = [5186, 5181, 5174, 5179, 4326];

export const PROJ4_DEFS: Record<Epsg, string> = {
  4326: '+proj=longlat +datum=WGS84 +no_defs',
  5186: '+proj=tmerc +lat_0=38 +lon_0=127 +k=1 +x_0=200000 +y_0=600000 +ellps=GRS80 +units=m +no_defs',
  5181: '+proj=tmerc +lat_0=38 +lon_0=127 +k=1 +x_0=200000 +y_0=500000 +ellps=GRS80 +units=m +no_defs',
  5179: '+proj=tmerc +lat_0=38 +lon_0=127.5 +k=0.9996 +x_0=1000000 +y_0=2000000 +ellps=GRS80 +units=m +no_defs',
  // towgs84 agrees with PROJ 9 to 0.3 mm; the widely copied -115.80,474.99,… is ~5 cm off.
  5174:
    '+proj=tmerc +lat_0=38 +lon_0=127.0028902777778 +k=1 +x_0=200000 +y_0=500000 +ellps=bessel +units=m +no_defs ' +
    '+towgs84=-114.62,475.963,675.018,1.162,-2.347,-1.592,6.342',
};

for (const code of SUPPORTED_EPSG) proj4.defs(`EPSG:${code}`, PROJ4_DEFS[code]);

export type CrsSource = 'prj' | 'detected' | 'given';

export interface CrsDecision {
  epsg: Epsg;
  source: CrsSource;
  /** Why this CRS was chosen, for the planner. */
  reason: { ko: string; en: string };
}

/** Parses "EPSG:5186", "5186" or "epsg:5186"; throws on anything unsupported. */
export function parseEpsg(text: string): Epsg {
  const m = /^(?:epsg:)?(\d{4,5})$/i.exec(text.trim());
  const n = m ? Number(m[1]) : NaN;
  if (!SUPPORTED_EPSG.includes(n as Epsg)) {
    fail('crs-unsupported', `지원하지 않는 좌표계입니다: ${text} (지원: ${SUPPORTED_EPSG.map((c) => `EPSG:${c}`).join(', ')})`,
      `unsupported CRS: ${text} (supported: ${SUPPORTED_EPSG.map((c) => `EPSG:${c}`).join(', ')})`);
  }
  return n as Epsg;
}

export type XY = [number, number];
export type Transform = (x: number, y: number) => XY;

/** A point transform between two supported CRSs (identity when equal). */
export function transformer(from: Epsg, to: Epsg): Transform {
  if (from === to) return (x, y) => [x, y];
  const conv = proj4(`EPSG:${from}`, `EPSG:${to}`);
  return (x, y) => conv.forward([x, y]) as XY;
}

const param = (wkt: string, name: string): number | undefined => {
  const m = new RegExp(`PARAMETER\\[\\s*"${name}"\\s*,\\s*(-?[\\d.eE+-]+)`, 'i').exec(wkt);
  return m ? Number(m[1]) : undefined;
};
const near = (a: number | undefined, b: number, tol = 1e-6) => a !== undefined && Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

/** Decides the CRS from a .prj (ESRI or OGC WKT). Returns undefined when the .prj names something else. */
export function crsFromPrj(wkt: string): CrsDecision | undefined {
  const auth = /AUTHORITY\[\s*"EPSG"\s*,\s*"(\d+)"\s*\]\s*\]\s*$/i.exec(wkt.trim());
  if (auth && SUPPORTED_EPSG.includes(Number(auth[1]) as Epsg)) {
    const epsg = Number(auth[1]) as Epsg;
    return { epsg, source: 'prj', reason: { ko: `.prj에 EPSG:${epsg}로 표기됨`, en: `.prj names EPSG:${epsg}` } };
  }
  if (!/PROJCS/i.test(wkt)) {
    if (/GEOGCS/i.test(wkt) && /WGS[ _]?(19)?84/i.test(wkt)) {
      return { epsg: 4326, source: 'prj', reason: { ko: '.prj가 WGS84 경위도 좌표계', en: '.prj is WGS84 longitude/latitude' } };
    }
    return undefined;
  }
  const bessel = /bessel/i.test(wkt);
  const grs80 = /GRS[ _]?1980|GRS80|Korea[ _]2000|ITRF/i.test(wkt);
  const cm = param(wkt, 'Central_Meridian');
  const fe = param(wkt, 'False_Easting');
  const fn = param(wkt, 'False_Northing');
  const k = param(wkt, 'Scale_Factor') ?? 1;
  if (bessel && near(cm, 127.0028902777778, 1e-9) && near(fe, 200000) && near(fn, 500000) && near(k, 1)) {
    return {
      epsg: 5174, source: 'prj',
      reason: {
        ko: '.prj가 Bessel TM 중부원점(EPSG:5174 계열) — .prj에는 datum 변환이 없어 EPSG:5174의 towgs84 변환을 적용함',
        en: '.prj is Bessel TM central belt (EPSG:5174 family) — the .prj carries no datum shift, so the EPSG:5174 towgs84 shift is applied',
      },
    };
  }
  if (grs80 && near(cm, 127) && near(fe, 200000) && near(k, 1)) {
    if (near(fn, 600000)) return { epsg: 5186, source: 'prj', reason: { ko: '.prj가 GRS80 TM 중부원점, 가산 600000 (EPSG:5186)', en: '.prj is GRS80 TM central belt, false northing 600000 (EPSG:5186)' } };
    if (near(fn, 500000)) return { epsg: 5181, source: 'prj', reason: { ko: '.prj가 GRS80 TM 중부원점, 가산 500000 (EPSG:5181)', en: '.prj is GRS80 TM central belt, false northing 500000 (EPSG:5181)' } };
  }
  if (grs80 && near(cm, 127.5) && near(k, 0.9996) && near(fe, 1000000) && near(fn, 2000000)) {
    return { epsg: 5179, source: 'prj', reason: { ko: '.prj가 UTM-K (EPSG:5179)', en: '.prj is UTM-K (EPSG:5179)' } };
  }
  return undefined;
}

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * Guesses the CRS from coordinate ranges. Seoul ranges (see the site-study brief) separate 4326,
 * 5179 and 5186, but never 5174 from 5181 (~313 m apart): that case throws 'crs-ambiguous' with
 * the candidates, so the caller asks the user.
 */
export function crsFromRange(b: Bounds): CrsDecision {
  const inside = (x0: number, x1: number, y0: number, y1: number) => b.minX >= x0 && b.maxX <= x1 && b.minY >= y0 && b.maxY <= y1;
  const show = `X ${b.minX.toFixed(0)}–${b.maxX.toFixed(0)}, Y ${b.minY.toFixed(0)}–${b.maxY.toFixed(0)}`;
  if (inside(124, 132, 33, 39.5)) {
    return { epsg: 4326, source: 'detected', reason: { ko: `좌표 범위(${show})가 한국의 경위도`, en: `coordinate range (${show}) is longitude/latitude over Korea` } };
  }
  if (inside(700_000, 1_300_000, 1_400_000, 2_300_000)) {
    return { epsg: 5179, source: 'detected', reason: { ko: `좌표 범위(${show})가 UTM-K`, en: `coordinate range (${show}) matches UTM-K` } };
  }
  if (inside(100_000, 300_000, 520_000, 590_000)) {
    return {
      epsg: 5186, source: 'detected',
      reason: { ko: `좌표 범위(${show})가 서울 지역 EPSG:5186 (Y 가산 600000)`, en: `coordinate range (${show}) matches EPSG:5186 over Seoul (false northing 600000)` },
    };
  }
  if (inside(100_000, 300_000, 420_000, 490_000)) {
    return fail('crs-ambiguous',
      `좌표 범위(${show})로는 EPSG:5174(Bessel)와 EPSG:5181(GRS80)을 구별할 수 없습니다(약 313 m 차이). 좌표계를 지정하세요: EPSG:5174 또는 EPSG:5181`,
      `coordinate range (${show}) cannot tell EPSG:5174 (Bessel) from EPSG:5181 (GRS80), ~313 m apart. Say which: EPSG:5174 or EPSG:5181`,
      { candidates: ['EPSG:5174', 'EPSG:5181'] });
  }
  return fail('crs-unknown', `좌표 범위(${show})로 좌표계를 알 수 없습니다. 좌표계를 지정하세요.`,
    `cannot tell the CRS from the coordinate range (${show}); give it explicitly`,
    { candidates: SUPPORTED_EPSG.map((c) => `EPSG:${c}`) });
}
