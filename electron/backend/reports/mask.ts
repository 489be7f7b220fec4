// Masking a person's name the way Korean documents print it: 김민지 → 김*지, 이수 → 이*,
// 남궁민수 → 남**수. Spaces (e.g. in foreign names) are kept so the shape stays readable.

const graphemes = new Intl.Segmenter('ko', { granularity: 'grapheme' });

export function maskName(name: string): string {
  const chars = Array.from(graphemes.segment(name.trim()), (s) => s.segment);
  const letters = chars.filter((c) => !/\s/.test(c)).length;
  if (letters === 0) return '';
  if (letters === 1) return '*';
  if (letters === 2) {
    // Keep the first letter only.
    let seen = 0;
    return chars.map((c) => (/\s/.test(c) ? c : seen++ === 0 ? c : '*')).join('');
  }
  let index = 0;
  return chars
    .map((c) => {
      if (/\s/.test(c)) return c;
      const i = index++;
      return i === 0 || i === letters - 1 ? c : '*';
    })
    .join('');
}
