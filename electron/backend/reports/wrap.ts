// Korean line breaking for the PDF layout. Korean text breaks between 어절 (the space-separated
// units), as Korean books and forms do (CSS `word-break: keep-all`); a unit is broken between
// characters only when it alone is wider than the line (long numbers, URLs, run-together text).
// Pure: the caller supplies the width of a string, so it is testable without a font.

export type Measure = (text: string) => number;

const graphemes = new Intl.Segmenter('ko', { granularity: 'grapheme' });

// Characters that should not begin a line when a long unit is broken between characters.
const NO_LINE_START = /^[.,:;!?)\]}%」』〉》’”、。·~]/u;

/** Splits `text` into lines no wider than `maxWidth` (except a single character wider than it). */
export function wrapText(text: string, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    wrapParagraph(paragraph, maxWidth, measure, lines);
  }
  return lines;
}

function wrapParagraph(paragraph: string, maxWidth: number, measure: Measure, out: string[]): void {
  const words = paragraph.split(/[ \t\u00a0]+/).filter((w) => w !== '');
  if (words.length === 0) {
    out.push('');
    return;
  }
  const space = measure(' ');
  let line = '';
  let lineWidth = 0;
  const flush = () => {
    out.push(line);
    line = '';
    lineWidth = 0;
  };
  for (const word of words) {
    const w = measure(word);
    if (line !== '' && lineWidth + space + w <= maxWidth) {
      line += ` ${word}`;
      lineWidth += space + w;
      continue;
    }
    if (line !== '') flush();
    if (w <= maxWidth) {
      line = word;
      lineWidth = w;
      continue;
    }
    // One unit wider than the whole line: break it between characters.
    const pieces = breakLongWord(word, maxWidth, measure);
    for (let i = 0; i < pieces.length - 1; i++) out.push(pieces[i]);
    line = pieces[pieces.length - 1];
    lineWidth = measure(line);
  }
  if (line !== '') flush();
}

/** Breaks one unit between grapheme clusters, greedily, keeping closing punctuation attached. */
export function breakLongWord(word: string, maxWidth: number, measure: Measure): string[] {
  const chars = Array.from(graphemes.segment(word), (s) => s.segment);
  const pieces: string[] = [];
  let current = '';
  for (const ch of chars) {
    const candidate = current + ch;
    if (current === '' || measure(candidate) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (NO_LINE_START.test(ch) && current.length > 1) {
      // Move the last character down with the punctuation rather than start a line with it.
      const last = Array.from(graphemes.segment(current), (s) => s.segment);
      const carried = last.pop()!;
      pieces.push(last.join(''));
      current = carried + ch;
      continue;
    }
    pieces.push(current);
    current = ch;
  }
  if (current !== '') pieces.push(current);
  return pieces;
}
