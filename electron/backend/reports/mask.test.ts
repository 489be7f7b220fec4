import { describe, expect, it } from 'vitest';
import { maskName } from './mask.js';

describe('maskName', () => {
  it('masks the middle of a three-syllable name', () => {
    expect(maskName('김민지')).toBe('김*지');
  });
  it('masks the second syllable of a two-syllable name', () => {
    expect(maskName('이수')).toBe('이*');
  });
  it('keeps only the first and last of longer names', () => {
    expect(maskName('남궁민수')).toBe('남**수');
    expect(maskName('황보 혜정')).toBe('황* *정');
  });
  it('masks a one-letter name entirely and trims spaces', () => {
    expect(maskName(' 김 ')).toBe('*');
    expect(maskName('')).toBe('');
  });
  it('never returns the full name of two letters or more', () => {
    for (const n of ['김민지', '이수', 'John Smith', '남궁민수']) expect(maskName(n)).not.toBe(n);
  });
});
