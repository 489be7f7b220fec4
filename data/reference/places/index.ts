// Names of places, for reading an address as a manager types it ("관악구 봉천동 123"): the
// 시·군·구 of every 시·도 (to tell whether a name alone is unique in the country) and Seoul's
// 법정동 by 자치구 (to confirm a 구 name several cities share). Not legal tables: they are not
// part of the reference pack. Sources and licences are inside each file.
import sigunguJson from './sigungu.json' with { type: 'json' };
import seoulDongsJson from './seoul-legal-dongs.json' with { type: 'json' };

export interface Merger {
  effectiveFrom: string;
  name: string;
  formerSido: string[];
  law: string;
  rule: { ko: string; en: string };
}

export const sigungu = sigunguJson as {
  source: string[];
  sido: Record<string, string[]>;
  generalDistricts: Record<string, string[]>;
  mergers: Merger[];
};
export const seoulLegalDongs = seoulDongsJson as { source: string[]; districts: Record<string, string[]> };

export interface PlaceCandidate {
  sido: string;
  city: string;
  /** The 일반구 inside a 시 (성남시 분당구), when the name is one. */
  district: string | null;
}

/** Every place a 시·군·구 (or 일반구) name may be, across the country. */
export function candidatesFor(name: string): PlaceCandidate[] {
  const out: PlaceCandidate[] = [];
  for (const [sido, names] of Object.entries(sigungu.sido)) if (names.includes(name)) out.push({ sido, city: name, district: null });
  for (const [city, districts] of Object.entries(sigungu.generalDistricts)) {
    if (!districts.includes(name)) continue;
    const sido = Object.entries(sigungu.sido).find(([, n]) => n.includes(city))![0];
    out.push({ sido, city, district: name });
  }
  return out;
}

/** True when the 법정동 is one of that Seoul 자치구's (digits of a 행정동 like 신당1동 already dropped). */
export function isSeoulLegalDong(gu: string, dong: string): boolean {
  return seoulLegalDongs.districts[gu]?.includes(dong) ?? false;
}

/** The merger a former 시·도 went into on or before `date`, if any. */
export function mergerOf(sido: string, date: string): Merger | undefined {
  return sigungu.mergers.find((m) => m.formerSido.includes(sido) && m.effectiveFrom <= date);
}

/** The merged 시·도 of this name, regardless of date. */
export function mergerNamed(name: string): Merger | undefined {
  return sigungu.mergers.find((m) => m.name === name);
}
