// Splitting a table across pages: whole rows only, the header row repeated at the top of every
// page the table touches. Pure arithmetic on measured heights, so it is tested without a PDF.

export interface TableChunk {
  /** Indexes of the body rows drawn in this chunk, in order. */
  rows: number[];
  /** True when a new page must be started before drawing this chunk (and its header). */
  newPage: boolean;
}

/**
 * Assigns rows to pages. `firstAvailable` is the height left on the current page,
 * `pageAvailable` the body height of a fresh page. Each chunk needs `headerHeight` plus its rows.
 * Rows taller than a fresh page must be split first (see `splitTallRow`); here such a row gets a
 * page of its own and overflows, which `splitTallRow` prevents.
 */
export function paginateRows(
  rowHeights: readonly number[],
  headerHeight: number,
  firstAvailable: number,
  pageAvailable: number,
): TableChunk[] {
  const chunks: TableChunk[] = [];
  if (rowHeights.length === 0) {
    return [{ rows: [], newPage: headerHeight > firstAvailable }];
  }
  let available = firstAvailable;
  let current: TableChunk = { rows: [], newPage: false };
  let used = headerHeight;
  // Do not leave a lone header at the bottom of a page: move the table if its first row won't fit.
  if (headerHeight + rowHeights[0] > firstAvailable) {
    current.newPage = true;
    available = pageAvailable;
  }
  for (let i = 0; i < rowHeights.length; i++) {
    const h = rowHeights[i];
    if (current.rows.length > 0 && used + h > available) {
      chunks.push(current);
      current = { rows: [], newPage: true };
      used = headerHeight;
      available = pageAvailable;
    }
    current.rows.push(i);
    used += h;
  }
  chunks.push(current);
  return chunks;
}

/**
 * Splits one row whose cells wrap to more lines than fit on a page into several rows of at
 * most `maxLines` lines each, cutting every cell at the same line so the columns stay aligned.
 */
export function splitTallRow(cellLines: readonly string[][], maxLines: number): string[][][] {
  const limit = Math.max(1, Math.floor(maxLines));
  const tallest = Math.max(1, ...cellLines.map((c) => c.length));
  if (tallest <= limit) return [cellLines.map((c) => [...c])];
  const parts: string[][][] = [];
  for (let start = 0; start < tallest; start += limit) {
    parts.push(cellLines.map((c) => c.slice(start, start + limit)));
  }
  return parts;
}
