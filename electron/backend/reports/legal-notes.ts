// The legal module's section of the tenant report (issue 13): where remedies stand (전세사기피해자법
// covers only leases first signed on or before its cut-off, so the guarantee is the protection) and
// which reference pack the figures came from. Its own module, called from one marked line.
import { fraudVictimsActNote } from '../../../checklists/rights/remedies.js';
import { shippedTables, type ReferenceTables } from '../../../data/reference/index.js';
import { COLORS, type ReportWriter } from './layout.js';
import type { ReportLocale } from './models.js';

const HEADING = { ko: '보증과 구제', en: 'Guarantee and remedies' };
const PACK = { ko: '법령 기준표', en: 'Legal reference tables' };

export interface LegalNotesInput {
  reportDate: string;
  /** The lease's contract date when known (else the report date stands in). */
  contractDate?: string;
  /** "pack 2026.12 (확인 2026-12-06)" — which reference pack the figures came from. */
  referencePack?: string;
  /** The loaded pack's tables (the shipped ones when absent). */
  tables?: ReferenceTables;
}

export function drawLegalNotes(w: ReportWriter, input: LegalNotesInput, lc: ReportLocale): void {
  const note = fraudVictimsActNote(input.tables ?? shippedTables, input.reportDate, input.contractDate ?? input.reportDate);
  if (!note && !input.referencePack) return;
  w.heading(HEADING[lc], 1, 60);
  if (note) {
    w.paragraph(note[lc]);
    w.paragraph(note.basis, { size: 8, color: COLORS.muted });
  }
  if (input.referencePack) w.paragraph(`${PACK[lc]}: ${input.referencePack}`, { size: 8, color: COLORS.muted });
}
