// Korean money entry: what realtors and tenants actually type.
// `1억 5천` = 150,000,000원, `15000만`, `150,000,000`, `1.5억`, `2천5백만원`,
// and the lease shorthand `1000/50` = 보증금 1,000만원 / 월세 50만원.
// Pure and shared by the renderer (live preview) and the backend (validation).

import type { Bilingual } from './vocabulary.js';
export type { Bilingual };

export type AmountParse =
  | {
      ok: true;
      /** Integer won, rounded down. */
      value: number;
      /** True when the entry could reasonably mean something else (e.g. a bare `5000`). */
      ambiguous: boolean;
      /** Other readings of an ambiguous entry, in won. */
      alternatives: number[];
      /** How the entry was read, for showing back to the user. */
      reading: Bilingual;
    }
  | { ok: false; error: Bilingual };

export interface ParseOptions {
  /**
   * What a bare number below 100,000 means. Lease amounts are typed in 만원 by habit
   * (`5000` = 5,000만원), so that is the default reading, flagged as ambiguous.
   */
  bareUnit?: '만원' | '원';
}

/** Above this an amount is treated as a typing error (1조원). */
export const MAX_AMOUNT = 1_000_000_000_000;

const SMALL_UNITS: Record<string, number> = { 십: 10, 백: 100, 천: 1000 };
const BIG_UNITS: Record<string, number> = { 만: 1e4, 억: 1e8, 조: 1e12 };

function err(ko: string, en: string): AmountParse {
  return { ok: false, error: { ko, en } };
}

function ok(value: number, ambiguous = false, alternatives: number[] = []): AmountParse {
  const v = Math.floor(value + 1e-6);
  return {
    ok: true,
    value: v,
    ambiguous,
    alternatives: alternatives.map((a) => Math.floor(a + 1e-6)),
    reading: { ko: `${formatKoreanAmount(v)} (${formatWon(v)})`, en: `KRW ${v.toLocaleString('en-US')}` },
  };
}

/** Parses one amount. Empty input is an error; callers decide whether a field is optional. */
export function parseAmount(input: string, options: ParseOptions = {}): AmountParse {
  const bareUnit = options.bareUnit ?? '만원';
  const raw = String(input ?? '').trim();
  if (raw === '') return err('금액을 입력하세요.', 'Enter an amount.');
  if (/^-/.test(raw)) return err('금액은 0 이상이어야 합니다.', 'The amount cannot be negative.');
  let s = raw.replace(/\s+/g, '').replace(/원$/, '').replace(/^₩/, '');
  if (s === '') return err('금액을 입력하세요.', 'Enter an amount.');

  // Plain digits with thousands separators: always won.
  if (/^\d{1,3}(,\d{3})+$/.test(s)) {
    return finish(Number(s.replace(/,/g, '')));
  }
  s = s.replace(/,/g, '');
  if (!/^[\d.십백천만억조]+$/.test(s)) {
    return err(
      `「${raw}」은(는) 금액으로 읽을 수 없습니다. 예: 1억 5천, 15000만, 150,000,000`,
      `"${raw}" is not an amount. Examples: 1억 5천, 15000만, 150,000,000`,
    );
  }
  if (/^\d+(\.\d+)?$/.test(s)) {
    const n = Number(s);
    if (!Number.isFinite(n)) return err('금액이 너무 큽니다.', 'The amount is too large.');
    if (n >= 100_000 || bareUnit === '원') return finish(n);
    // A bare small number: read as 만원 (the realtors' habit) but ask.
    if (n === 0) return finish(0);
    return finishAmbiguous(n * 1e4, [n]);
  }

  // Korean units.
  const tokens = s.match(/(\d+(?:\.\d+)?)?([십백천만억조])|(\d+(?:\.\d+)?)$/g);
  if (!tokens || tokens.join('') !== s) {
    return err(`「${raw}」의 단위를 읽을 수 없습니다.`, `Cannot read the units in "${raw}".`);
  }
  let total = 0;
  let section = 0; // the part below the next big unit
  let lastBig = 0; // the last big unit seen (0 = none)
  let trailing: number | null = null;
  for (const tok of tokens) {
    const m = /^(\d+(?:\.\d+)?)?([십백천만억조])?$/.exec(tok)!;
    const num = m[1] !== undefined ? Number(m[1]) : null;
    const unit = m[2];
    if (!unit) {
      trailing = num;
      continue;
    }
    if (unit in SMALL_UNITS) {
      section += (num ?? 1) * SMALL_UNITS[unit];
    } else {
      const big = BIG_UNITS[unit];
      if (lastBig !== 0 && big >= lastBig) {
        return err(`「${raw}」의 단위 순서가 맞지 않습니다.`, `The units in "${raw}" are out of order.`);
      }
      total += (section + (num ?? (section === 0 ? 1 : 0))) * big;
      section = 0;
      lastBig = big;
    }
  }
  const rest = section + (trailing ?? 0);
  if (rest > 0) {
    if (lastBig === 1e8 || lastBig === 1e12) {
      // `1억 5천`, `3억2000`: the remainder after 억 is counted in 만원.
      total += rest * 1e4;
    } else if (lastBig === 0) {
      // `5천` alone: 5천만원 in a lease field, but ask.
      if (bareUnit === '원') return finish(rest);
      return finishAmbiguous(rest * 1e4, [rest]);
    } else {
      total += rest;
    }
  }
  return finish(total);
}

function finish(v: number): AmountParse {
  if (!Number.isFinite(v)) return err('금액이 너무 큽니다.', 'The amount is too large.');
  if (v > MAX_AMOUNT) {
    return err('1조원을 넘는 금액은 입력할 수 없습니다. 단위를 확인하세요.', 'Amounts above KRW 1 trillion are not accepted; check the units.');
  }
  return ok(v);
}

function finishAmbiguous(v: number, alternatives: number[]): AmountParse {
  const r = finish(v);
  if (!r.ok) return r;
  return ok(r.value, true, alternatives);
}

export type LeaseParse =
  | { ok: true; deposit: number; monthlyRent: number; reading: Bilingual }
  | { ok: false; error: Bilingual };

/** The realtors' lease shorthand `보증금/월세` in 만원, e.g. `1000/50`, `1억/30`. */
export function parseLeaseShorthand(input: string): LeaseParse {
  const parts = String(input ?? '').split('/');
  if (parts.length !== 2) {
    return { ok: false, error: { ko: '보증금/월세 형식(예: 1000/50)으로 입력하세요.', en: 'Use deposit/rent, e.g. 1000/50.' } };
  }
  const d = parseAmount(parts[0], { bareUnit: '만원' });
  const r = parseAmount(parts[1], { bareUnit: '만원' });
  if (!d.ok) return { ok: false, error: { ko: `보증금: ${d.error.ko}`, en: `Deposit: ${d.error.en}` } };
  if (!r.ok) return { ok: false, error: { ko: `월세: ${r.error.ko}`, en: `Rent: ${r.error.en}` } };
  return {
    ok: true,
    deposit: d.value,
    monthlyRent: r.value,
    reading: {
      ko: `보증금 ${formatKoreanAmount(d.value)} / 월세 ${formatKoreanAmount(r.value)}`,
      en: `Deposit KRW ${d.value.toLocaleString('en-US')} / monthly rent KRW ${r.value.toLocaleString('en-US')}`,
    },
  };
}

/** 150000000 → "150,000,000원" */
export function formatWon(value: number): string {
  return `${Math.floor(value).toLocaleString('ko-KR')}원`;
}

/** 150000000 → "1억 5,000만원"; 153000 → "15만 3,000원"; 0 → "0원" */
export function formatKoreanAmount(value: number): string {
  let v = Math.floor(value);
  if (v === 0) return '0원';
  const parts: string[] = [];
  const jo = Math.floor(v / 1e12);
  v -= jo * 1e12;
  const eok = Math.floor(v / 1e8);
  v -= eok * 1e8;
  const man = Math.floor(v / 1e4);
  const won = v - man * 1e4;
  if (jo) parts.push(`${jo.toLocaleString('ko-KR')}조`);
  if (eok) parts.push(`${eok.toLocaleString('ko-KR')}억`);
  if (man) parts.push(`${man.toLocaleString('ko-KR')}만`);
  if (won) parts.push(won.toLocaleString('ko-KR'));
  return `${parts.join(' ')}원`;
}

/** Both ways, as the app shows amounts everywhere: "150,000,000원 · 1억 5,000만원". */
export function formatAmountBoth(value: number): string {
  return `${formatWon(value)} · ${formatKoreanAmount(value)}`;
}
