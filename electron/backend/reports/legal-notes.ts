// The legal module's section of the tenant report (issue 13): where remedies stand (전세사기피해자법
// covers only leases first signed on or before its cut-off, so the guarantee is the protection) and
// which reference pack the figures came from. Its own module, called from one marked line.
import { fraudVictimsActNote } from '../../../checklists/rights/remedies.js';
import { shippedTables, type ReferenceTables } from '../../../data/reference/index.js';
import { COLORS, type ReportWriter } from './layout.js';
import type { ReportLocale } from './models.js';

const HEADING = { ko: '보증과 구제', en: 'Guarantee and remedies' };
const PACK = { ko: '법령 기준표', en: 'Legal reference tables' };
const REGISTERED = {
  ko: '임대인이 등록임대사업자입니다. 민간임대주택법의 표준임대차계약서를 써야 하고, 임대보증금 보증 가입 여부(보증서)를 확인하세요. 재계약 때도 증액은 5% 이내로 제한됩니다.',
  en: 'The landlord is a registered rental business: the statutory standard lease must be used, check the rental deposit guarantee certificate, and increases stay within 5 % even on a new agreement.',
};

export interface LegalNotesInput {
  reportDate: string;
  /** The lease's contract date when known (else the report date stands in). */
  contractDate?: string;
  /** "pack 2026.12 (확인 2026-12-06)" — which reference pack the figures came from. */
  referencePack?: string;
  /** The landlord is a 등록임대사업자 (from the contract checklist). */
  registeredLandlord?: boolean;
  /** The loaded pack's tables (the shipped ones when absent). */
  tables?: ReferenceTables;
}

export function drawLegalNotes(w: ReportWriter, input: LegalNotesInput, lc: ReportLocale): void {
  const note = fraudVictimsActNote(input.tables ?? shippedTables, input.reportDate, input.contractDate ?? input.reportDate);
  if (!note && !input.referencePack && !input.registeredLandlord) return;
  w.heading(HEADING[lc], 1, 60);
  if (input.registeredLandlord) {
    w.paragraph(REGISTERED[lc]);
    w.paragraph('민간임대주택에 관한 특별법 §44·§47·§49; 공인중개사법 시행령 §21①12', { size: 8, color: COLORS.muted });
  }
  if (note) {
    w.paragraph(note[lc]);
    w.paragraph(note.basis, { size: 8, color: COLORS.muted });
  }
  if (input.referencePack) w.paragraph(`${PACK[lc]}: ${input.referencePack}`, { size: 8, color: COLORS.muted });
}
