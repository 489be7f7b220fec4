// Tagged PDF for the reports (PDF 32000-1 §14.7–14.8, as far as pdf-lib allows: it has no
// tagging API, so the structure tree is written by hand). Every piece of text and every photo
// the report draws is marked content (BDC … EMC with an MCID) belonging to a structure element:
// headings (H1–H3), paragraphs (P), lists (L/LI), tables (Table/TR/TH/TD, header cells with a
// Scope), figures (Figure with /Alt). Page furniture — running header and footer, rules, boxes,
// fills, repeated table headers — is marked /Artifact, so a screen reader skips it. The catalog
// gets /MarkInfo << /Marked true >>, /StructTreeRoot with its ParentTree, /Lang, and each page
// /StructParents and /Tabs /S. Reading order is the order of the tree, which is the drawing order.
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFOperator, PDFOperatorNames as Ops, PDFString, type PDFPage, type PDFRef } from 'pdf-lib';

export type StructType = 'Document' | 'H1' | 'H2' | 'H3' | 'P' | 'L' | 'LI' | 'LBody' | 'Table' | 'TR' | 'TH' | 'TD' | 'Figure' | 'Caption' | 'Note' | 'Div';

interface ContentRef { mcid: number; page: PDFPage }
export interface StructElem {
  type: StructType;
  kids: (StructElem | ContentRef)[];
  alt?: string;
  /** For TH: whether it heads a column or a row. */
  scope?: 'Column' | 'Row';
}

const isContent = (k: StructElem | ContentRef): k is ContentRef => 'mcid' in k;

export class StructureTree {
  readonly root: StructElem = { type: 'Document', kids: [] };
  private readonly stack: StructElem[] = [this.root];
  private readonly perPage = new Map<PDFPage, StructElem[]>();
  /** While true (header/footer, repeated table headers), everything drawn is an artifact. */
  artifactMode = false;

  constructor(private readonly doc: PDFDocument) {}

  get current(): StructElem {
    return this.stack[this.stack.length - 1];
  }

  /** Opens a new element as the last child of the current one. */
  open(type: StructType, opts: { alt?: string; scope?: 'Column' | 'Row' } = {}): StructElem {
    const e: StructElem = { type, kids: [], ...opts };
    this.current.kids.push(e);
    this.stack.push(e);
    return e;
  }

  close(e: StructElem): void {
    const i = this.stack.lastIndexOf(e);
    if (i > 0) this.stack.length = i;
  }

  /** Runs `fn` with a new element open. */
  within<T>(type: StructType, fn: () => T, opts?: { alt?: string; scope?: 'Column' | 'Row' }): T {
    const e = this.open(type, opts);
    try {
      return fn();
    } finally {
      this.close(e);
    }
  }

  /** Runs `fn` with an existing element open again (a table row continued on the next page). */
  reenter<T>(e: StructElem, fn: () => T): T {
    this.stack.push(e);
    try {
      return fn();
    } finally {
      this.close(e);
    }
  }

  /** The list the next list item joins: the current element's last child if it is a list. */
  listItem<T>(fn: () => T): T {
    const last = this.current.kids[this.current.kids.length - 1];
    const list = last && !isContent(last) && last.type === 'L' ? last : null;
    const run = () => this.within('LI', () => this.within('LBody', fn));
    return list ? this.reenter(list, run) : this.within('L', run);
  }

  /**
   * Draws content as marked content of the current element (text on the bare document becomes a
   * paragraph of its own), or as an artifact in artifact mode.
   */
  mark(page: PDFPage, draw: () => void): void {
    if (this.artifactMode) return this.artifact(page, draw);
    if (this.current === this.root) return this.within('P', () => this.mark(page, draw));
    const elem = this.current;
    const list = this.perPage.get(page) ?? [];
    const mcid = list.length;
    list.push(elem);
    this.perPage.set(page, list);
    elem.kids.push({ mcid, page });
    // pdf-lib's operator type lists no dictionaries, but it writes any PDF object it is given.
    const props = this.doc.context.obj({ MCID: mcid }) as unknown as PDFName;
    page.pushOperators(PDFOperator.of(Ops.BeginMarkedContentSequence, [PDFName.of(elem.type), props]));
    draw();
    page.pushOperators(PDFOperator.of(Ops.EndMarkedContent));
  }

  /** Draws page furniture, which assistive technology skips. */
  artifact(page: PDFPage, draw: () => void): void {
    page.pushOperators(PDFOperator.of(Ops.BeginMarkedContent, [PDFName.of('Artifact')]));
    draw();
    page.pushOperators(PDFOperator.of(Ops.EndMarkedContent));
  }

  /** Moves the last child of the root to the front (the document title, drawn last, read first). */
  moveLastToFront(): void {
    const last = this.root.kids.pop();
    if (last) this.root.kids.unshift(last);
  }

  /** Writes the structure tree, the parent tree, /MarkInfo and /Lang into the document. */
  finish(lang: string): void {
    const ctx = this.doc.context;
    const pages = this.doc.getPages();
    const treeRootRef = ctx.nextRef();
    const refs = new Map<StructElem, PDFRef>();
    const hasContent = (e: StructElem): boolean => e.kids.some((k) => isContent(k) || hasContent(k));

    const build = (e: StructElem, parent: PDFRef): PDFRef => {
      const ref = ctx.nextRef();
      refs.set(e, ref);
      const kids = ctx.obj([]) as PDFArray;
      for (const k of e.kids) {
        if (isContent(k)) kids.push(ctx.obj({ Type: 'MCR', Pg: k.page.ref, MCID: k.mcid }));
        else if (hasContent(k)) kids.push(build(k, ref));
      }
      const dict = ctx.obj({ Type: 'StructElem', S: e.type, P: parent, K: kids });
      if (e.alt) dict.set(PDFName.of('Alt'), PDFHexString.fromText(e.alt));
      if (e.scope) dict.set(PDFName.of('A'), ctx.obj({ O: 'Table', Scope: e.scope }));
      ctx.assign(ref, dict);
      return ref;
    };
    const docRef = build(this.root, treeRootRef);

    const nums = ctx.obj([]) as PDFArray;
    pages.forEach((page, i) => {
      page.node.set(PDFName.of('StructParents'), PDFNumber.of(i));
      // Tab order follows the structure.
      page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
      nums.push(PDFNumber.of(i));
      nums.push(ctx.obj((this.perPage.get(page) ?? []).map((e) => refs.get(e)!)));
    });
    const parentTree = ctx.register(ctx.obj({ Nums: nums }));
    ctx.assign(treeRootRef, ctx.obj({ Type: 'StructTreeRoot', K: docRef, ParentTree: parentTree, ParentTreeNextKey: pages.length }));
    this.doc.catalog.set(PDFName.of('StructTreeRoot'), treeRootRef);
    this.doc.catalog.set(PDFName.of('MarkInfo'), ctx.obj({ Marked: true }));
    this.doc.catalog.set(PDFName.of('Lang'), PDFString.of(lang));
  }
}
