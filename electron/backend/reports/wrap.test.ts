import { describe, expect, it } from 'vitest';
import { breakLongWord, wrapText, type Measure } from './wrap.js';

// A stand-in for font metrics: Hangul/Hanja are full width (1), Latin letters, digits and
// punctuation half width (0.5), a space 0.3 — close to Noto Sans KR's real proportions.
const measure: Measure = (s) =>
  Array.from(s).reduce((w, ch) => w + (ch === ' ' ? 0.3 : /[\u3131-\uD7A3\u4E00-\u9FFF㎡]/u.test(ch) ? 1 : 0.5), 0);

describe('wrapText (Korean line breaking)', () => {
  it('keeps every 어절 whole when each fits on a line', () => {
    const text = '임대인은 잔금 지급일까지 을구 1번 근저당권을 말소하며 이를 이행하지 않으면 임차인은 계약을 해제할 수 있다';
    const lines = wrapText(text, 12, measure);
    expect(lines.length).toBeGreaterThan(3);
    const words = text.split(' ');
    // Lines are made of whole words, in order, and nothing is lost.
    expect(lines.flatMap((l) => l.split(' '))).toEqual(words);
    for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(12);
  });

  it('moves a word to the next line rather than splitting it', () => {
    expect(wrapText('보증금 최우선변제', 5, measure)).toEqual(['보증금', '최우선변제']);
  });

  it('breaks inside a word only when the word alone is wider than the line', () => {
    const lines = wrapText('주택임대차보호법시행령제10조 적용', 5, measure);
    expect(lines).toEqual(['주택임대차', '보호법시행', '령제10조', '적용']);
    for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(5);
  });

  it('handles mixed Hangul, Latin and numbers as units', () => {
    const lines = wrapText('보증금 1억 4,000만원 HUG 보증 29.75㎡ R4 부채비율 86.7%', 7, measure);
    expect(lines).toEqual(['보증금 1억', '4,000만원 HUG', '보증 29.75㎡', 'R4 부채비율', '86.7%']);
  });

  it('breaks a long Latin run (URL) between characters', () => {
    const lines = wrapText('khug.or.kr/hug/web/ig/dr/igdr000001.jsp', 6, measure);
    expect(lines.join('')).toBe('khug.or.kr/hug/web/ig/dr/igdr000001.jsp');
    for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(6);
  });

  it('keeps explicit line breaks and blank lines', () => {
    expect(wrapText('첫 줄\n\n셋째 줄', 20, measure)).toEqual(['첫 줄', '', '셋째 줄']);
  });

  it('does not start a broken line with closing punctuation', () => {
    // '가나다라마' fills 5; the ')' would start the next line, so '마' comes down with it.
    expect(breakLongWord('가나다라마)바', 5, measure)).toEqual(['가나다라', '마)바']);
  });
});

describe('report formatting', () => {
  it('prints Seoul times and Korean dates, and leaves an unreadable time as given', async () => {
    const { formatDate, formatDateTime, formatTime, minutesBetween } = await import('./format.js');
    expect(formatDate('2026-11-27')).toBe('2026. 11. 27.(금)');
    expect(formatTime('2026-11-21T05:15:00Z')).toBe('14:15');
    expect(formatDateTime('2026-11-21T16:08:00+09:00')).toBe('2026. 11. 21.(토) 16:08');
    expect(formatTime('오후 두 시')).toBe('오후 두 시');
    expect(minutesBetween('2026-11-21T14:15:00+09:00', '2026-11-21T15:05:00+09:00')).toBe(50);
    expect(minutesBetween('2026-11-21T15:05:00+09:00', '2026-11-21T14:15:00+09:00')).toBeUndefined();
  });
});
