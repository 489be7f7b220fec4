// A small flow-layout library over pdf-lib for A4 Korean reports: a cursor moves down the page,
// each block asks for the space it needs and starts a new page when it does not fit. Header
// and footer (with "page x / y") are drawn once the page count is known, in `finish()`.
import { deflateSync } from 'node:zlib';
import { PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage, type RGB } from 'pdf-lib';
import type { Font as FontkitFont } from 'fontkit';
import { fontkitAdapter } from './fontkit-adapter.js';
import { loadReportFonts } from './fonts.js';
import type { PreparedImage } from './images.js';
import { pageLabel } from './labels.js';
import type { ReportLocale, Tone, Verdict } from './models.js';
import { paginateRows, splitTallRow } from './table-split.js';
import { wrapText } from './wrap.js';
import { hexToUnit, PALETTE } from '../../api/palette.js';
import { StructureTree } from './tagging.js';

export const A4 = { width: 595.28, height: 841.89 } as const;

/** Page frame in points: the header lives above `top`, the footer below `bottom`. */
export const FRAME = { left: 48, right: 48, top: 72, bottom: 60 } as const;

const pdfColor = (hex: string): RGB => rgb(...hexToUnit(hex));

/**
 * Report colours, from the app's shared palette (electron/api/palette.ts) so the PDF and the
 * screens say 안전/주의/위험 in the same colours, and every text/background pair printed here
 * meets WCAG AA (checked by renderer/src/theme/contrast.test.ts through PDF_PAIRS).
 */
export const PDF_HEX = {
  text: '#1a1a1f',
  muted: PALETTE.muted,
  rule: '#c7ccd4',
  headerFill: '#edf0f5',
  accent: '#1c5499',
  highlightFill: '#e3f0ff',
  white: '#ffffff',
  demo: '#bf1a1a',
  photoFill: '#f7f7fa',
  info: PALETTE.info,
  safe: PALETTE.ok,
  caution: PALETTE.warn,
  danger: PALETTE.danger,
} as const;

/** Every foreground/background pair the report draws text in (ratio checked in a unit test). */
export const PDF_PAIRS: { fg: keyof typeof PDF_HEX; bg: keyof typeof PDF_HEX; what: string }[] = [
  { fg: 'text', bg: 'white', what: 'body text' },
  { fg: 'muted', bg: 'white', what: 'notes, basis, captions' },
  { fg: 'muted', bg: 'headerFill', what: 'key column, table header, photo placeholder' },
  { fg: 'text', bg: 'headerFill', what: 'table header, rank' },
  { fg: 'text', bg: 'highlightFill', what: "the tenant's rung" },
  { fg: 'accent', bg: 'white', what: 'headings' },
  { fg: 'white', bg: 'accent', what: "the tenant's rank" },
  { fg: 'white', bg: 'safe', what: '안전 badge' },
  { fg: 'white', bg: 'caution', what: '주의 badge' },
  { fg: 'white', bg: 'danger', what: '위험 badge' },
  { fg: 'white', bg: 'info', what: '정보 badge' },
  { fg: 'white', bg: 'demo', what: '예시 mark' },
  { fg: 'muted', bg: 'photoFill', what: 'missing photo text' },
  { fg: 'muted', bg: 'highlightFill', what: "details on the tenant's rung" },
];

export const COLORS = {
  text: pdfColor(PDF_HEX.text),
  muted: pdfColor(PDF_HEX.muted),
  rule: pdfColor(PDF_HEX.rule),
  headerFill: pdfColor(PDF_HEX.headerFill),
  accent: pdfColor(PDF_HEX.accent),
  highlightFill: pdfColor(PDF_HEX.highlightFill),
  white: pdfColor(PDF_HEX.white),
  demo: pdfColor(PDF_HEX.demo),
} as const;

/** Verdict colours: green, amber, red, as on the app's screens (white text on each ≥ 4.5:1). */
export const VERDICT_COLORS: Record<Tone, RGB> = {
  info: pdfColor(PDF_HEX.info),
  safe: pdfColor(PDF_HEX.safe),
  caution: pdfColor(PDF_HEX.caution),
  danger: pdfColor(PDF_HEX.danger),
};

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: RGB;
  /** Line height as a multiple of the size. */
  leading?: number;
}

export interface TableColumn {
  header: string;
  /** Relative width; columns share the available width in proportion. */
  weight: number;
  align?: 'left' | 'center' | 'right';
}

export type TableCell =
  | string
  | { text: string; bold?: boolean; color?: RGB }
  | { badge: { label: string; verdict: Tone } };

export interface Thumbnail {
  image: EmbeddedImage | null;
  caption?: string;
}

export interface EmbeddedImage {
  image: PDFImage;
  width: number;
  height: number;
}

export interface LadderBox {
  title: string;
  detail?: string;
  highlight?: boolean;
  /** Short tag drawn on the right of a highlighted box, e.g. '임차인'. */
  tag?: string;
}

export interface WriterOptions {
  title: string;
  /** Small grey text at the right of the header. */
  headerRight?: string;
  /** Red mark in the header on every page (demo documents). */
  demoMark?: string;
  /** Small text at the left of the footer. */
  footerNote?: string;
  locale?: ReportLocale;
  /** Recorded as the PDF's creation date (keeps output reproducible). */
  createdAt?: Date;
}

const BODY: Required<TextStyle> = { size: 9.5, bold: false, color: COLORS.text, leading: 1.55 };

export class ReportWriter {
  readonly doc: PDFDocument;
  private readonly regular: PDFFont;
  private readonly bold: PDFFont;
  private readonly glyphs: FontkitFont;
  private readonly options: WriterOptions;
  private readonly imageCache = new WeakMap<Uint8Array, Promise<EmbeddedImage>>();
  private readonly widthCache = new Map<string, number>();
  page!: PDFPage;
  /** The tagged-PDF structure (tagging.ts): every block below opens its element in it. */
  readonly tags: StructureTree;
  /** Distance of the cursor from the top edge of the current page, in points. */
  cursor = 0;

  private constructor(doc: PDFDocument, regular: PDFFont, bold: PDFFont, glyphs: FontkitFont, options: WriterOptions) {
    this.doc = doc;
    this.regular = regular;
    this.bold = bold;
    this.glyphs = glyphs;
    this.options = options;
    this.tags = new StructureTree(doc);
    this.newPage();
  }

  static async create(options: WriterOptions): Promise<ReportWriter> {
    const fonts = await loadReportFonts();
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkitAdapter);
    // pdf-lib compresses the embedded font subsets with pako (pure JS); Node's native zlib makes
    // the same FlateDecode stream about 20x faster. Only this document's context is changed.
    const context = doc.context;
    context.flateStream = (contents, dict = {}) =>
      context.stream(new Uint8Array(deflateSync(typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents)), {
        ...dict,
        Filter: 'FlateDecode',
      });
    // A six-letter tag + '+' marks an embedded subset (PDF 32000 §9.6.4); fixed names keep
    // the output reproducible, where pdf-lib would add a random suffix.
    const regular = await doc.embedFont(fonts.regular, { subset: true, customName: 'ANSIMR+NotoSansKR-Regular' });
    const bold = await doc.embedFont(fonts.bold, { subset: true, customName: 'ANSIMB+NotoSansKR-Bold' });
    const glyphs = fontkitAdapter.create(fonts.regular) as unknown as FontkitFont;
    // The title shows in the viewer's title bar instead of the file name (PDF/UA).
    doc.setTitle(options.title, { showInWindowTitleBar: true });
    doc.setCreator('Ansim Desk');
    doc.setProducer('Ansim Desk (pdf-lib)');
    if (options.createdAt) {
      doc.setCreationDate(options.createdAt);
      doc.setModificationDate(options.createdAt);
    }
    return new ReportWriter(doc, regular, bold, glyphs, options);
  }

  // ---- geometry -------------------------------------------------------------------------

  get left(): number {
    return FRAME.left;
  }

  get contentWidth(): number {
    return A4.width - FRAME.left - FRAME.right;
  }

  /** Height of the body area of a fresh page. */
  get pageBodyHeight(): number {
    return A4.height - FRAME.top - FRAME.bottom;
  }

  /** Height left between the cursor and the footer. */
  remaining(): number {
    return A4.height - FRAME.bottom - this.cursor;
  }

  newPage(): void {
    const page = this.doc.addPage([A4.width, A4.height]);
    // Rules, boxes, fills and shapes are page furniture: marked as artifacts in one place rather
    // than at every call site. Text and photos are marked as content (drawLine, badge, fitImage).
    const tags = this.tags;
    const rect = page.drawRectangle.bind(page);
    const line = page.drawLine.bind(page);
    const svg = page.drawSvgPath.bind(page);
    page.drawRectangle = (o) => tags.artifact(page, () => rect(o));
    page.drawLine = (o) => tags.artifact(page, () => line(o));
    page.drawSvgPath = (path, o) => tags.artifact(page, () => svg(path, o));
    this.page = page;
    this.cursor = FRAME.top;
  }

  /** Starts a new page unless `height` fits below the cursor. Returns true if it did. */
  ensureSpace(height: number): boolean {
    if (height <= this.remaining() || this.cursor === FRAME.top) return false;
    this.newPage();
    return true;
  }

  space(height: number): void {
    if (this.cursor + height > A4.height - FRAME.bottom) this.newPage();
    else this.cursor += height;
  }

  // ---- text -----------------------------------------------------------------------------

  private font(style: TextStyle): PDFFont {
    return style.bold ? this.bold : this.regular;
  }

  /** Replaces characters the font lacks (emoji, rare symbols) so nothing prints as a blank box. */
  clean(text: string): string {
    let out = '';
    for (const ch of text.normalize('NFC')) {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x20) out += cp === 0x0a ? '\n' : ' ';
      else if (cp === 0xa0 || this.glyphs.hasGlyphForCodePoint(cp)) out += ch;
      else if (cp >= 0xfe00 && cp <= 0xfe0f) continue; // variation selectors
      else out += '?';
    }
    return out;
  }

  measure(text: string, style: TextStyle = {}): number {
    const size = style.size ?? BODY.size;
    const key = `${style.bold ? 'b' : 'r'}${text}`;
    let w = this.widthCache.get(key);
    if (w === undefined) {
      w = this.font(style).widthOfTextAtSize(text, 1000);
      this.widthCache.set(key, w);
    }
    return (w * size) / 1000;
  }

  lineHeight(style: TextStyle = {}): number {
    return (style.size ?? BODY.size) * (style.leading ?? BODY.leading);
  }

  /** Wraps text to `width`, keeping 어절 together (see wrap.ts). */
  wrap(text: string, width: number, style: TextStyle = {}): string[] {
    return wrapText(this.clean(text), width, (s) => this.measure(s, style));
  }

  /** Draws one line whose line box starts at `top` (distance from the page top). */
  drawLine(text: string, x: number, top: number, style: TextStyle = {}, page: PDFPage = this.page): void {
    const size = style.size ?? BODY.size;
    const lh = this.lineHeight(style);
    // Centre Hangul (whose visual middle sits ~0.36 em above the baseline) in the line box.
    const baseline = top + lh / 2 + size * 0.36;
    if (text === '') return;
    this.tags.mark(page, () =>
      page.drawText(text, {
        x,
        y: A4.height - baseline,
        size,
        font: this.font(style),
        color: style.color ?? BODY.color,
      }),
    );
  }

  /** Draws already-wrapped lines in a box of `width`, aligned. */
  private drawLines(lines: string[], x: number, top: number, width: number, style: TextStyle, align: 'left' | 'center' | 'right' = 'left'): void {
    const lh = this.lineHeight(style);
    lines.forEach((line, i) => {
      const w = this.measure(line, style);
      const dx = align === 'right' ? width - w : align === 'center' ? (width - w) / 2 : 0;
      this.drawLine(line, x + Math.max(0, dx), top + i * lh, style);
    });
  }

  /** A paragraph that flows across pages line by line. */
  paragraph(text: string, style: TextStyle = {}, indent = 0): void {
    const width = this.contentWidth - indent;
    const lh = this.lineHeight(style);
    this.tags.within('P', () => {
      for (const line of this.wrap(text, width, style)) {
        this.ensureSpace(lh);
        this.drawLine(line, this.left + indent, this.cursor, style);
        this.cursor += lh;
      }
    });
  }

  /** A bulleted list item. */
  bullet(text: string, style: TextStyle = {}, marker = '•'): void {
    const lh = this.lineHeight(style);
    const indent = 12;
    const lines = this.wrap(text, this.contentWidth - indent, style);
    this.tags.listItem(() =>
      lines.forEach((line, i) => {
        this.ensureSpace(lh);
        if (i === 0) this.drawMarker(marker, style);
        this.drawLine(line, this.left + indent, this.cursor, style);
        this.cursor += lh;
      }),
    );
  }

  /** A list marker: decoration (the list structure already says it is a list item). */
  private drawMarker(marker: string, style: TextStyle): void {
    const was = this.tags.artifactMode;
    this.tags.artifactMode = true;
    try {
      this.drawLine(marker, this.left + 2, this.cursor, { ...style, color: COLORS.muted });
    } finally {
      this.tags.artifactMode = was;
    }
  }

  /** Section heading; keeps at least `keepWithNext` points of what follows on the same page. */
  heading(text: string, level: 1 | 2 = 1, keepWithNext = 70): void {
    const style: TextStyle = level === 1 ? { size: 13, bold: true, color: COLORS.accent, leading: 1.4 } : { size: 10.5, bold: true, leading: 1.4 };
    const lines = this.wrap(text, this.contentWidth, style);
    const lh = this.lineHeight(style);
    const before = this.cursor === FRAME.top ? 0 : level === 1 ? 14 : 8;
    const needed = before + lines.length * lh + (level === 1 ? 6 : 2) + keepWithNext;
    if (!this.ensureSpace(needed)) this.cursor += before;
    // The document title is the H1 (see finish); section headings are H2, sub-headings H3.
    this.tags.within(level === 1 ? 'H2' : 'H3', () => {
      for (const line of lines) {
        this.drawLine(line, this.left, this.cursor, style);
        this.cursor += lh;
      }
    });
    if (level === 1) {
      this.page.drawLine({
        start: { x: this.left, y: A4.height - this.cursor - 2 },
        end: { x: this.left + this.contentWidth, y: A4.height - this.cursor - 2 },
        thickness: 0.8,
        color: COLORS.accent,
      });
      this.cursor += 6;
    } else {
      this.cursor += 2;
    }
  }

  // ---- blocks ---------------------------------------------------------------------------

  /** Label–value rows (label column on the left, the value wrapped on the right). */
  keyValues(rows: { key: string; value: string }[], keyWidth = 110, style: TextStyle = {}): void {
    const lh = this.lineHeight(style);
    const pad = 3;
    const valueWidth = this.contentWidth - keyWidth - 8;
    // A two-column table: the key heads its row.
    const table = this.tags.open('Table');
    for (const row of rows) {
      const keyLines = this.wrap(row.key, keyWidth - 6, { ...style, bold: true });
      const valueLines = this.wrap(row.value, valueWidth, style);
      const h = Math.max(keyLines.length, valueLines.length) * lh + pad * 2;
      this.ensureSpace(h);
      this.page.drawRectangle({
        x: this.left,
        y: A4.height - this.cursor - h,
        width: keyWidth,
        height: h,
        color: COLORS.headerFill,
      });
      this.tags.within('TR', () => {
        this.tags.within('TH', () => this.drawLines(keyLines, this.left + 6, this.cursor + pad, keyWidth - 6, { ...style, bold: true, color: COLORS.muted }), { scope: 'Row' });
        this.tags.within('TD', () => this.drawLines(valueLines, this.left + keyWidth + 8, this.cursor + pad, valueWidth, style));
      });
      this.cursor += h;
      this.page.drawLine({
        start: { x: this.left, y: A4.height - this.cursor },
        end: { x: this.left + this.contentWidth, y: A4.height - this.cursor },
        thickness: 0.4,
        color: COLORS.rule,
      });
    }
    this.tags.close(table);
  }

  /** Width a badge with this label takes. */
  badgeWidth(label: string, size = 9): number {
    return this.measure(label, { size, bold: true }) + size * 1.4;
  }

  /** A coloured verdict badge (안전/주의/위험) with its top-left corner at (x, top). Returns its width. */
  badge(label: string, verdict: Tone, x: number, top: number, size = 9, page: PDFPage = this.page): number {
    const width = this.badgeWidth(label, size);
    const height = size * 1.9;
    drawRoundedRect(page, x, top, width, height, height / 2, VERDICT_COLORS[verdict]);
    const style: TextStyle = { size, bold: true, color: COLORS.white, leading: 1.9 };
    const baseline = top + height / 2 + size * 0.36;
    this.tags.mark(page, () => page.drawText(this.clean(label), { x: x + size * 0.7, y: A4.height - baseline, size, font: this.bold, color: style.color }));
    return width;
  }

  /** A badge followed by text wrapped beside it, e.g. [가입 가능] 보증금 한도 … */
  statusLine(label: string, verdict: Tone, text: string, style: TextStyle = { size: 10, bold: true }): void {
    const size = 9;
    const bw = this.badgeWidth(label, size);
    const textW = this.contentWidth - bw - 8;
    const lines = this.wrap(text, textW, style);
    const lh = this.lineHeight(style);
    const h = Math.max(size * 1.9, lines.length * lh);
    this.ensureSpace(h + 4);
    this.tags.within('P', () => {
      this.badge(label, verdict, this.left, this.cursor + (Math.min(h, lh) - size * 1.9) / 2, size);
      this.drawLines(lines, this.left + bw + 8, this.cursor, textW, style);
    });
    this.cursor += h + 4;
  }

  /** A boxed banner with a large verdict badge, a title and a summary. */
  verdictBanner(label: string, verdict: Verdict, title: string, summary: string): void {
    const pad = 10;
    const badgeSize = 14;
    const badgeW = this.badgeWidth(label, badgeSize);
    const textX = this.left + pad + badgeW + 12;
    const textW = this.contentWidth - (textX - this.left) - pad;
    const titleStyle: TextStyle = { size: 11, bold: true };
    const titleLines = this.wrap(title, textW, titleStyle);
    const summaryLines = this.wrap(summary, textW, {});
    const textH = titleLines.length * this.lineHeight(titleStyle) + summaryLines.length * this.lineHeight();
    const h = Math.max(textH, badgeSize * 1.9) + pad * 2;
    this.ensureSpace(h);
    const color = VERDICT_COLORS[verdict];
    this.page.drawRectangle({
      x: this.left,
      y: A4.height - this.cursor - h,
      width: this.contentWidth,
      height: h,
      borderColor: color,
      borderWidth: 1.5,
      color: rgb(1, 1, 1),
    });
    this.page.drawRectangle({ x: this.left, y: A4.height - this.cursor - h, width: 5, height: h, color });
    const top = this.cursor;
    this.tags.within('Div', () => {
      this.tags.within('P', () => {
        this.badge(label, verdict, this.left + pad + 2, top + (h - badgeSize * 1.9) / 2, badgeSize);
        this.drawLines(titleLines, textX, top + pad, textW, titleStyle);
      });
      this.tags.within('P', () => this.drawLines(summaryLines, textX, top + pad + titleLines.length * this.lineHeight(titleStyle), textW, {}));
    });
    this.cursor += h + 6;
  }

  /**
   * A table that splits across pages between rows, repeating the header row on every page.
   * A row taller than a page is cut into continuation rows at a line boundary.
   */
  table(columns: TableColumn[], rows: TableCell[][], style: TextStyle = { size: 8.5 }): void {
    const pad = 4;
    const lh = this.lineHeight(style);
    const totalWeight = columns.reduce((s, c) => s + c.weight, 0);
    const widths = columns.map((c) => (c.weight / totalWeight) * this.contentWidth);
    const headerStyle: TextStyle = { ...style, bold: true };
    const headerLines = columns.map((c, i) => this.wrap(c.header, widths[i] - pad * 2, headerStyle));
    const headerH = Math.max(...headerLines.map((l) => l.length)) * lh + pad * 2;
    const maxLines = Math.floor((this.pageBodyHeight - headerH - pad * 2) / lh);

    type LaidRow = { lines: string[][]; cells: TableCell[]; continuation: boolean };
    const laid: LaidRow[] = [];
    for (const row of rows) {
      const lines = row.map((cell, i) => (isBadge(cell) ? [''] : this.wrap(cellText(cell), widths[i] - pad * 2, cellStyle(cell, style))));
      splitTallRow(lines, maxLines).forEach((part, k) => laid.push({ lines: part, cells: row, continuation: k > 0 }));
    }
    const badgeH = (style.size ?? BODY.size) * 1.9;
    const heights = laid.map((r) => Math.max(badgeH, Math.max(1, ...r.lines.map((l) => l.length)) * lh) + pad * 2);
    const chunks = paginateRows(heights, headerH, this.remaining(), this.pageBodyHeight);

    // Tagged as Table > TR > TH (Scope Column) / TD. The header row repeated on later pages is an
    // artifact; a row cut across pages continues the same TR and cells.
    const table = this.tags.open('Table');
    let headerTagged = false;
    const drawHeader = () => {
      const repeat = headerTagged;
      headerTagged = true;
      const was = this.tags.artifactMode;
      this.tags.artifactMode = repeat || was;
      const draw = () => {
        let x = this.left;
        columns.forEach((c, i) => {
          this.cellBox(x, this.cursor, widths[i], headerH, COLORS.headerFill);
          const cellDraw = () => this.drawLines(headerLines[i], x + pad, this.cursor + pad, widths[i] - pad * 2, headerStyle, c.align ?? 'left');
          if (repeat) cellDraw();
          else this.tags.within('TH', cellDraw, { scope: 'Column' });
          x += widths[i];
        });
      };
      try {
        if (repeat) draw();
        else this.tags.within('TR', draw);
      } finally {
        this.tags.artifactMode = was;
      }
      this.cursor += headerH;
    };
    const rowTags = new Map<TableCell[], { tr: ReturnType<StructureTree['open']>; cells: ReturnType<StructureTree['open']>[] }>();

    for (const chunk of chunks) {
      if (chunk.newPage) this.newPage();
      drawHeader();
      for (const r of chunk.rows) {
        const row = laid[r];
        const h = heights[r];
        let x = this.left;
        let tagged = rowTags.get(row.cells);
        if (!tagged) {
          const tr = this.tags.open('TR');
          const cells = columns.map(() => {
            const td = this.tags.open('TD');
            this.tags.close(td);
            return td;
          });
          this.tags.close(tr);
          tagged = { tr, cells };
          rowTags.set(row.cells, tagged);
        }
        const rowTag = tagged;
        columns.forEach((c, i) => this.tags.reenter(rowTag.tr, () => this.tags.reenter(rowTag.cells[i], () => {
          this.cellBox(x, this.cursor, widths[i], h);
          const cell = row.cells[i];
          if (isBadge(cell)) {
            // A badge is drawn once, in the first part of a row that was split across pages.
            if (!row.continuation) {
              const bw = this.badgeWidth(cell.badge.label, style.size);
              const bx = c.align === 'center' ? x + (widths[i] - bw) / 2 : x + pad;
              this.badge(cell.badge.label, cell.badge.verdict, bx, this.cursor + pad, style.size);
            }
          } else if (cell !== undefined) {
            this.drawLines(row.lines[i], x + pad, this.cursor + pad, widths[i] - pad * 2, cellStyle(cell, style), c.align ?? 'left');
          }
          x += widths[i];
        })));
        this.cursor += h;
      }
    }
    this.tags.close(table);
    this.cursor += 6;
  }

  private cellBox(x: number, top: number, width: number, height: number, fill?: RGB): void {
    this.page.drawRectangle({
      x,
      y: A4.height - top - height,
      width,
      height,
      borderColor: COLORS.rule,
      borderWidth: 0.5,
      color: fill,
    });
  }

  // ---- images ---------------------------------------------------------------------------

  /** Embeds a prepared (already re-encoded) image once per byte array. */
  embed(prepared: PreparedImage): Promise<EmbeddedImage> {
    let p = this.imageCache.get(prepared.bytes);
    if (!p) {
      p = (prepared.kind === 'jpeg' ? this.doc.embedJpg(prepared.bytes) : this.doc.embedPng(prepared.bytes)).then((image) => ({
        image,
        width: prepared.width,
        height: prepared.height,
      }));
      this.imageCache.set(prepared.bytes, p);
    }
    return p;
  }

  /** Draws an image fitted (contained) in a box; a grey placeholder if there is none. */
  fitImage(img: EmbeddedImage | null, x: number, top: number, boxW: number, boxH: number, missingLabel = ''): void {
    if (!img) {
      this.page.drawRectangle({ x, y: A4.height - top - boxH, width: boxW, height: boxH, color: COLORS.headerFill, borderColor: COLORS.rule, borderWidth: 0.5 });
      const style: TextStyle = { size: 7, color: COLORS.muted };
      const lines = this.wrap(missingLabel, boxW - 8, style);
      this.drawLines(lines, x + 4, top + boxH / 2 - (lines.length * this.lineHeight(style)) / 2, boxW - 8, style, 'center');
      return;
    }
    const scale = Math.min(boxW / img.width, boxH / img.height);
    const w = img.width * scale;
    const h = img.height * scale;
    const draw = () => this.page.drawImage(img.image, { x: x + (boxW - w) / 2, y: A4.height - top - (boxH + h) / 2, width: w, height: h });
    // A photo is content only inside a Figure (which carries its alt text).
    if (this.tags.current.type === 'Figure') this.tags.mark(this.page, draw);
    else this.tags.artifact(this.page, draw);
  }

  /** Photo thumbnails in a grid; a grid row is never split across pages. */
  thumbnails(items: Thumbnail[], columns = 4, missingLabel = ''): void {
    if (items.length === 0) return;
    const gap = 8;
    const cellW = (this.contentWidth - gap * (columns - 1)) / columns;
    const imgH = cellW * 0.75;
    const captionStyle: TextStyle = { size: 7.5, color: COLORS.muted, leading: 1.35 };
    for (let start = 0; start < items.length; start += columns) {
      const rowItems = items.slice(start, start + columns);
      const captions = rowItems.map((it) => (it.caption ? this.captionLines(it.caption, cellW, captionStyle, 2) : []));
      const captionH = Math.max(0, ...captions.map((c) => c.length)) * this.lineHeight(captionStyle);
      const rowH = imgH + captionH + gap;
      this.ensureSpace(rowH);
      rowItems.forEach((it, i) => {
        const x = this.left + i * (cellW + gap);
        this.page.drawRectangle({ x, y: A4.height - this.cursor - imgH, width: cellW, height: imgH, color: pdfColor(PDF_HEX.photoFill) });
        // Alt text: the caption (the checklist item or the stop), else "사진 n".
        const alt = it.caption ?? `${(this.options.locale ?? 'ko') === 'en' ? 'Photo' : '사진'} ${start + i + 1}`;
        this.tags.within('Figure', () => {
          this.fitImage(it.image, x, this.cursor, cellW, imgH, missingLabel);
          this.tags.within('Caption', () => this.drawLines(captions[i], x, this.cursor + imgH + 2, cellW, captionStyle));
        }, { alt });
      });
      this.cursor += rowH;
    }
  }

  /** At most `max` wrapped lines; a cut caption ends with '…' so the reader knows it goes on. */
  private captionLines(text: string, width: number, style: TextStyle, max: number): string[] {
    const lines = this.wrap(text, width, style);
    if (lines.length <= max) return lines;
    const kept = lines.slice(0, max);
    let last = kept[max - 1];
    while (last.length > 0 && this.measure(`${last}…`, style) > width) last = last.slice(0, -1);
    kept[max - 1] = `${last}…`;
    return kept;
  }

  /**
   * The seniority ladder: boxes from first to last in rank, joined by arrows, the tenant's
   * box highlighted. Each box is kept whole on a page.
   */
  ladder(boxes: LadderBox[], rankLabel: (i: number) => string): void {
    const pad = 6;
    const width = this.contentWidth * 0.82;
    const x = this.left + (this.contentWidth - width) / 2;
    const titleStyle: TextStyle = { size: 10, bold: true };
    const detailStyle: TextStyle = { size: 8.5, color: COLORS.muted };
    const rankW = 46;
    const arrowH = 14;
    // An ordered list, first in rank first.
    const list = this.tags.open('L');
    boxes.forEach((box, i) => {
      const item = this.tags.open('LI');
      const tagW = box.tag ? this.badgeWidth(box.tag, 8) + 8 : 0;
      const textW = width - rankW - pad * 2 - tagW;
      const titleLines = this.wrap(box.title, textW, titleStyle);
      const detailLines = box.detail ? this.wrap(box.detail, textW, detailStyle) : [];
      const h = titleLines.length * this.lineHeight(titleStyle) + detailLines.length * this.lineHeight(detailStyle) + pad * 2;
      const needArrow = i > 0;
      if (this.ensureSpace(h + (needArrow ? arrowH : 0)) === false && needArrow) {
        // Arrow from the previous box.
        const cx = x + width / 2;
        const top = this.cursor;
        this.page.drawLine({ start: { x: cx, y: A4.height - top }, end: { x: cx, y: A4.height - top - arrowH + 5 }, thickness: 1, color: COLORS.muted });
        this.page.drawSvgPath(`M ${cx - 4} ${top + arrowH - 6} L ${cx + 4} ${top + arrowH - 6} L ${cx} ${top + arrowH - 1} Z`, {
          x: 0,
          y: A4.height,
          color: COLORS.muted,
        });
        this.cursor += arrowH;
      }
      const fill = box.highlight ? COLORS.highlightFill : rgb(1, 1, 1);
      const border = box.highlight ? COLORS.accent : COLORS.rule;
      this.page.drawRectangle({
        x,
        y: A4.height - this.cursor - h,
        width,
        height: h,
        color: fill,
        borderColor: border,
        borderWidth: box.highlight ? 1.8 : 0.8,
      });
      this.page.drawRectangle({ x, y: A4.height - this.cursor - h, width: rankW, height: h, color: box.highlight ? COLORS.accent : COLORS.headerFill });
      const rank = rankLabel(i);
      const rankStyle: TextStyle = { size: 9, bold: true, color: box.highlight ? COLORS.white : COLORS.text };
      this.drawLine(rank, x + (rankW - this.measure(rank, rankStyle)) / 2, this.cursor + (h - this.lineHeight(rankStyle)) / 2, rankStyle);
      let y = this.cursor + pad;
      this.drawLines(titleLines, x + rankW + pad, y, textW, titleStyle);
      y += titleLines.length * this.lineHeight(titleStyle);
      this.drawLines(detailLines, x + rankW + pad, y, textW, detailStyle);
      if (box.tag) {
        const bw = this.badgeWidth(box.tag, 8);
        drawRoundedRect(this.page, x + width - pad - bw, this.cursor + (h - 15.2) / 2, bw, 15.2, 7.6, COLORS.accent);
        this.drawLine(box.tag, x + width - pad - bw + 5.6, this.cursor + (h - 15.2) / 2, { size: 8, bold: true, color: COLORS.white, leading: 1.9 });
      }
      this.cursor += h;
      this.tags.close(item);
    });
    this.tags.close(list);
    this.cursor += 8;
  }

  /** A signature image in a framed box with the signer's name and time beside it. */
  signature(img: EmbeddedImage | null, lines: { key: string; value: string }[], missingLabel = '', alt = ''): void {
    const boxW = 190;
    const boxH = 76;
    this.ensureSpace(boxH + 8);
    const top = this.cursor;
    this.page.drawRectangle({ x: this.left, y: A4.height - top - boxH, width: boxW, height: boxH, borderColor: COLORS.rule, borderWidth: 0.8 });
    // The drawn signature is a Figure whose alt text says whose it is.
    this.tags.within('Figure', () => this.fitImage(img, this.left + 6, top + 6, boxW - 12, boxH - 12, missingLabel), {
      alt: alt || (this.options.locale === 'en' ? 'Signature' : '서명'),
    });
    const style: TextStyle = {};
    let y = top + 6;
    const table = this.tags.open('Table');
    for (const l of lines) {
      const keyStyle: TextStyle = { bold: true, color: COLORS.muted };
      const valueLines = this.wrap(l.value, this.contentWidth - boxW - 100, style);
      this.tags.within('TR', () => {
        this.tags.within('TH', () => this.drawLine(l.key, this.left + boxW + 14, y, keyStyle), { scope: 'Row' });
        this.tags.within('TD', () => this.drawLines(valueLines, this.left + boxW + 90, y, this.contentWidth - boxW - 100, style));
      });
      y += Math.max(1, valueLines.length) * this.lineHeight(style);
    }
    this.tags.close(table);
    this.cursor = Math.max(top + boxH, y) + 8;
  }

  /** A shaded note box (e.g. the not-legal-advice notice). */
  note(text: string, style: TextStyle = { size: 8.5, color: COLORS.muted }): void {
    const pad = 8;
    const lines = this.wrap(text, this.contentWidth - pad * 2, style);
    const h = lines.length * this.lineHeight(style) + pad * 2;
    this.ensureSpace(h);
    this.page.drawRectangle({ x: this.left, y: A4.height - this.cursor - h, width: this.contentWidth, height: h, color: COLORS.headerFill });
    this.tags.within('P', () => this.drawLines(lines, this.left + pad, this.cursor + pad, this.contentWidth - pad * 2, style));
    this.cursor += h + 6;
  }

  // ---- finishing ------------------------------------------------------------------------

  /** Draws header and footer on every page (page x / y) and returns the PDF bytes. */
  async finish(): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    const locale = this.options.locale ?? 'ko';
    const title = this.clean(this.options.title);
    const right = this.options.headerRight ? this.clean(this.options.headerRight) : '';
    const footer = this.options.footerNote ? this.clean(this.options.footerNote) : '';
    pages.forEach((page, i) => {
      const headerTop = 30;
      // The running header and footer are artifacts, except the title on the first page, which
      // is the document's H1 (moved to the front of the structure tree, where it is read first).
      this.tags.artifactMode = i > 0;
      if (i === 0) {
        this.tags.within('H1', () => this.drawLine(title, this.left, headerTop, { size: 10, bold: true, leading: 1.4 }, page));
        this.tags.moveLastToFront();
      } else {
        this.drawLine(title, this.left, headerTop, { size: 10, bold: true, leading: 1.4 }, page);
      }
      this.tags.artifactMode = true;
      let rightEdge = this.left + this.contentWidth;
      if (this.options.demoMark) {
        const w = this.badgeWidth(this.options.demoMark, 8);
        drawRoundedRect(page, rightEdge - w, headerTop - 1, w, 15.2, 7.6, COLORS.demo);
        this.drawLine(this.options.demoMark, rightEdge - w + 5.6, headerTop - 1, { size: 8, bold: true, color: COLORS.white, leading: 1.9 }, page);
        rightEdge -= w + 8;
      }
      if (right) {
        const style: TextStyle = { size: 8, color: COLORS.muted, leading: 1.75 };
        this.drawLine(right, rightEdge - this.measure(right, style), headerTop, style, page);
      }
      page.drawLine({
        start: { x: this.left, y: A4.height - 52 },
        end: { x: this.left + this.contentWidth, y: A4.height - 52 },
        thickness: 0.6,
        color: COLORS.rule,
      });
      const footTop = A4.height - FRAME.bottom + 16;
      page.drawLine({
        start: { x: this.left, y: A4.height - footTop + 4 },
        end: { x: this.left + this.contentWidth, y: A4.height - footTop + 4 },
        thickness: 0.6,
        color: COLORS.rule,
      });
      const footStyle: TextStyle = { size: 7.5, color: COLORS.muted, leading: 1.5 };
      const label = pageLabel(i + 1, pages.length, locale);
      const labelW = this.measure(label, footStyle);
      const note = footer ? this.wrap(footer, this.contentWidth - labelW - 20, footStyle)[0] ?? '' : '';
      this.drawLine(note, this.left, footTop, footStyle, page);
      this.drawLine(label, this.left + this.contentWidth - labelW, footTop, footStyle, page);
    });
    this.tags.artifactMode = false;
    this.tags.finish(locale === 'en' ? 'en-US' : 'ko-KR');
    return this.doc.save({ useObjectStreams: true });
  }
}

function isBadge(cell: TableCell | undefined): cell is { badge: { label: string; verdict: Verdict } } {
  return cell !== undefined && typeof cell !== 'string' && 'badge' in cell;
}

function cellText(cell: TableCell): string {
  if (typeof cell === 'string') return cell;
  return 'text' in cell ? cell.text : cell.badge.label;
}

function cellStyle(cell: TableCell, base: TextStyle): TextStyle {
  if (typeof cell === 'string' || !('text' in cell)) return base;
  return { ...base, bold: cell.bold ?? base.bold, color: cell.color ?? base.color };
}

/** A filled rounded rectangle with its top-left corner at (x, top). */
function drawRoundedRect(page: PDFPage, x: number, top: number, w: number, h: number, r: number, color: RGB): void {
  const rr = Math.min(r, h / 2, w / 2);
  // SVG path coordinates grow downwards from the origin given to drawSvgPath.
  const path = [
    `M ${rr} 0`,
    `L ${w - rr} 0`,
    `Q ${w} 0 ${w} ${rr}`,
    `L ${w} ${h - rr}`,
    `Q ${w} ${h} ${w - rr} ${h}`,
    `L ${rr} ${h}`,
    `Q 0 ${h} 0 ${h - rr}`,
    `L 0 ${rr}`,
    `Q 0 0 ${rr} 0`,
    'Z',
  ].join(' ');
  page.drawSvgPath(path, { x, y: A4.height - top, color });
}
