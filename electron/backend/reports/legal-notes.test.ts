// The tenant report's 보증과 구제 section (issue 13): the 전세사기피해자법 cut-off, a registered
// landlord, and the reference pack the figures came from — in Korean and in English.
import { describe, expect, it } from 'vitest';
import { openWithPoppler } from './poppler.js';
import { sampleTenantReportModel } from './sample.js';
import { renderTenantReport } from './tenant-report.js';

const flat = (s: string) => s.replace(/\s+/g, '');

describe('tenant report: guarantee and remedies', () => {
  it.each(['ko', 'en'] as const)('%s: says a lease signed now is outside the 전세사기피해자법, names a registered landlord and the pack', async (locale) => {
    const model = { ...(await sampleTenantReportModel()), locale, reportDate: '2026-12-06', registeredLandlord: true, referencePack: 'shipped-2026-12-06 (확인 2026-12-06)' };
    const pdf = await openWithPoppler(await renderTenantReport(model));
    try {
      const text = flat(await pdf.text());
      if (locale === 'ko') {
        expect(text).toContain(flat('보증과 구제'));
        expect(text).toContain(flat('2025-05-31 이전에 처음 맺은 임대차만 지원합니다'));
        expect(text).toContain(flat('임대인이 등록임대사업자입니다'));
      } else {
        expect(text).toContain(flat('Guarantee and remedies'));
        expect(text).toContain(flat('covers only leases first signed on or before 2025-05-31'));
        expect(text).toContain(flat('registered rental business'));
      }
      expect(text).toContain(flat('shipped-2026-12-06'));
    } finally {
      await pdf.dispose();
    }
  });
});
