// Flags and the verdict: each flag has a rule code, a severity (위험/주의/정보), a plain message
// in Korean and English, and its basis (law article or practice source).
import { FLAG_SEVERITY_LABELS, VERDICT_LABELS, type FlagSeverity, type Verdict } from '../common/vocabulary.js';

/** A flag's severity (the vocabulary's FlagSeverity). */
export type Severity = FlagSeverity;
export { FLAG_SEVERITY_LABELS as SEVERITY_LABELS, VERDICT_LABELS, type Verdict };

export type RuleCode = 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7' | 'R8';

export interface Flag {
  code: RuleCode;
  severity: Severity;
  severityLabel: { ko: string; en: string };
  message: { ko: string; en: string };
  basis: { ko: string; en: string };
  /** Registry lines the flag is about ("을구 1"). */
  entries?: string[];
  /** A fact the rule needed and did not get. */
  missing?: string[];
  /** Rests on an unverified figure or source. */
  unverified?: boolean;
}

export function flag(code: RuleCode, severity: Severity, message: Flag['message'], basis: Flag['basis'], extra: Partial<Flag> = {}): Flag {
  return { code, severity, severityLabel: FLAG_SEVERITY_LABELS[severity], message, basis, ...extra };
}

const ORDER: Record<Severity, number> = { danger: 0, caution: 1, info: 2 };

/** Worst first; within a severity, by rule code (stable). */
export function sortFlags(flags: Flag[]): Flag[] {
  return flags
    .map((f, i) => ({ f, i }))
    .sort((a, b) => ORDER[a.f.severity] - ORDER[b.f.severity] || a.f.code.localeCompare(b.f.code) || a.i - b.i)
    .map((x) => x.f);
}

/** 위험 if any flag is 위험, else 주의 if any is 주의, else 안전. */
export function verdictOf(flags: Flag[]): Verdict {
  if (flags.some((f) => f.severity === 'danger')) return 'danger';
  if (flags.some((f) => f.severity === 'caution')) return 'caution';
  return 'safe';
}
