import { describe, expect, it } from 'vitest';
import { mostlyHangul } from './auto-lang.js';

describe('mostlyHangul (which text gets lang="ko" on English screens)', () => {
  it('marks names, districts and addresses written in Hangul', () => {
    expect(mostlyHangul('김민지')).toBe(true);
    expect(mostlyHangul('관악구, 동작구')).toBe(true);
    expect(mostlyHangul('서울특별시 관악구 신림로 123, 302호')).toBe(true);
  });
  it('leaves English text, numbers and English sentences with one Korean word alone', () => {
    expect(mostlyHangul('Clients')).toBe(false);
    expect(mostlyHangul('100,000,000 won')).toBe(false);
    expect(mostlyHangul('2026-12-04')).toBe(false);
    expect(mostlyHangul('On-site record for 김')).toBe(false);
  });
});
