// Where the report points to remedies: what the 전세사기피해자법 still covers, so a tenant signing
// now knows the deposit guarantee is the protection. Pure; the table is dated reference data.
import { versionAt, type ReferenceTables } from '../../data/reference/index.js';

export interface RemedyNote {
  ko: string;
  en: string;
  basis: string;
}

/**
 * The note for a lease signed (or to be signed) on `contractDate`, as the act stands on `asOf`.
 * A lease first signed after the covered date is outside the act: say the guarantee protects it.
 */
export function fraudVictimsActNote({ fraudVictimsAct }: Pick<ReferenceTables, 'fraudVictimsAct'>, asOf: string, contractDate: string = asOf): RemedyNote | null {
  const v = versionAt(fraudVictimsAct, asOf);
  if (!v) return null;
  const basis = '전세사기피해자 지원 및 주거안정에 관한 특별법 부칙 제2조 (부칙 제20956호)';
  if (asOf > v.validUntil) {
    return { ko: `전세사기피해자법은 ${v.validUntil}까지 효력이 있었습니다. 보증금은 전세보증금반환보증으로 지키세요.`, en: `The Jeonse Fraud Victims Act was in force until ${v.validUntil}; protect the deposit with a deposit-return guarantee.`, basis };
  }
  if (v.leasesFirstSignedOnOrBefore && contractDate > v.leasesFirstSignedOnOrBefore) {
    return {
      ko: `전세사기피해자법은 ${v.validUntil}까지 연장되었지만 ${v.leasesFirstSignedOnOrBefore} 이전에 처음 맺은 임대차만 지원합니다. 지금 맺는 계약은 대상이 아니므로 전세보증금반환보증(HUG·HF·SGI)이 보증금을 지키는 수단입니다.`,
      en: `The Jeonse Fraud Victims Act runs to ${v.validUntil} but covers only leases first signed on or before ${v.leasesFirstSignedOnOrBefore}. A lease signed now is not covered: the deposit-return guarantee (HUG, HF, SGI) is the protection.`,
      basis,
    };
  }
  return {
    ko: `전세사기피해자법(${v.validUntil}까지)은 ${v.leasesFirstSignedOnOrBefore ?? '-'} 이전에 처음 맺은 임대차를 지원합니다. 피해가 의심되면 전세피해지원센터에 상담하세요.`,
    en: `The Jeonse Fraud Victims Act (to ${v.validUntil}) covers leases first signed on or before ${v.leasesFirstSignedOnOrBefore ?? '-'}; if fraud is suspected, contact a jeonse-damage support center.`,
    basis,
  };
}
