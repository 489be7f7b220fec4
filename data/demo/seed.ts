// The embedded default's demo data: enough for a newcomer to see a working desk at once.
// Every row is marked is_demo = 1, shown with a 데모 badge, and removed by one action.
// Names and numbers are invented; phone numbers use the reserved 010-0000-xxxx range.
import type { Database, Queryable } from '../db/sqlite.js';
import type { CipherSource } from '../crypto/field-cipher.js';
import type { Actor } from '../repos/audit.js';
import { createManager } from '../repos/managers.js';
import { createClient } from '../repos/clients.js';
import { createCase } from '../repos/cases.js';
import { createListing } from '../repos/listings.js';
import { anyManager, getSetting, setSetting } from '../repos/settings.js';
import { addDays } from '../../checklists/common/seoul-time.js';

export const DEMO_PIN = '0000';

/**
 * Seeds the demo into a brand-new desk, once: the check and the seeding are one transaction, so
 * two starts can never both seed. Each demo client's data is written under their own key.
 * Returns false when there was nothing to do.
 */
export async function seedDemo(db: Database, keys: CipherSource, actor: Actor, today: string): Promise<boolean> {
  return db.tx(async (q: Queryable) => {
    if ((await getSetting(q, 'demoSeeded')) || (await anyManager(q))) return false;
    const managerId = await createManager(
      q,
      actor,
      { name: '데모 매니저', center: '관악구 1인가구지원센터 (예시)', brokerRegNo: '11620-2026-00000', districts: ['관악구', '동작구'], pin: DEMO_PIN },
      true,
    );
    const a: Actor = { ...actor, managerId };
    const consent = (items: string[]) => ({
      given: true,
      date: addDays(today, -20),
      retentionMonths: 12,
      items,
      purpose: '전·월세 안심계약 상담 및 동행 서비스 제공',
    });
    const c1 = await createClient(q, keys, a, {
      consent: consent(['name', 'phone', 'notes']),
      name: '김민지',
      phone: '010-0000-1234',
      notes: '첫 계약. 직장은 신림역 인근.',
      ageBand: '20s',
      gender: 'female',
      currentDistrict: '동작구',
      desiredDistricts: ['관악구', '동작구'],
      budgetDeposit: 100_000_000,
      budgetMonthlyRent: 400_000,
      budgetMaintenance: 100_000,
      moveInDate: addDays(today, 45),
    }, true);
    const c2 = await createClient(q, keys, a, {
      consent: consent(['name', 'phone']),
      name: '박준호',
      phone: '010-0000-5678',
      ageBand: '30s',
      gender: 'male',
      currentDistrict: '마포구',
      desiredDistricts: ['마포구', '서대문구'],
      budgetDeposit: 200_000_000,
      budgetMonthlyRent: 0,
      moveInDate: addDays(today, 60),
    }, true);
    const c3 = await createClient(q, keys, a, {
      consent: { given: false, items: [] },
      ageBand: '60plus',
      gender: 'female',
      currentDistrict: '관악구',
      desiredDistricts: ['관악구'],
    }, true);

    const k1 = await createCase(q, keys.cipherFor(c1), a, {
      clientId: c1, caseType: 'viewing_accompany', status: 'in_progress', district: '관악구', managerId, openedOn: addDays(today, -14),
      notes: '반지하 제외 희망. 보증금 1억 이내.',
    }, true);
    await createCase(q, keys.cipherFor(c2), a, { clientId: c2, caseType: 'contract_consult', status: 'received', district: '마포구', managerId, openedOn: addDays(today, -3) }, true);
    await createCase(q, keys.folderCipher, a, { clientId: c3, caseType: 'policy_guide', status: 'completed', district: '관악구', managerId, openedOn: addDays(today, -40), closedOn: addDays(today, -38) }, true);

    await createListing(q, keys.cipherFor(c1), a, {
      caseId: k1, roadAddress: '서울특별시 관악구 신림로 000 (예시)', jibunAddress: '서울특별시 관악구 신림동 000-0', dong: '', ho: '302호',
      buildingType: 'multi_household', leaseType: 'semi_monthly', deposit: 10_000_000, monthlyRent: 500_000, maintenanceFee: 70_000,
      exclusiveAreaM2: 19.8, floor: 3, floorKind: 'above', approvalYear: 2004, marketValue: null, officialPrice: null,
      lat: 37.4842, lon: 126.9297, landlordName: '이영수', brokerName: '최중개', brokerOffice: '신림행복공인중개사사무소 (예시)', brokerRegNo: '11620-2019-00000',
      notes: '2층 계단 조명 어두움.',
    }, true);
    await createListing(q, keys.cipherFor(c1), a, {
      caseId: k1, roadAddress: '서울특별시 관악구 봉천로 000 (예시)', jibunAddress: null, dong: '101동', ho: '1204호',
      buildingType: 'officetel', leaseType: 'jeonse', deposit: 95_000_000, monthlyRent: 0, maintenanceFee: 120_000,
      exclusiveAreaM2: 23.1, floor: 12, floorKind: 'above', approvalYear: 2016, marketValue: 130_000_000, officialPrice: 80_000_000,
      lat: 37.4812, lon: 126.9527, landlordName: null, brokerName: null, brokerOffice: '봉천공인중개사사무소 (예시)', brokerRegNo: null, notes: null,
    }, true);
    await setSetting(q, 'demoSeeded', actor.now);
    return true;
  });
}

/** Removes every demo row (and its audit trail) in one transaction. */
export async function removeDemo(db: Database): Promise<number> {
  return db.tx(async (q) => {
    let removed = 0;
    const ids = await q.all<{ id: string }>(
      `SELECT id FROM listings WHERE is_demo = 1 UNION ALL SELECT id FROM cases WHERE is_demo = 1
       UNION ALL SELECT id FROM clients WHERE is_demo = 1 UNION ALL SELECT id FROM managers WHERE is_demo = 1`,
    );
    for (const table of ['listings', 'cases', 'clients']) {
      removed += (await q.run(`DELETE FROM ${table} WHERE is_demo = 1`)).changes;
    }
    // Real records may name the demo manager as their last editor; keep them, unlink it.
    for (const table of ['listings', 'cases', 'clients', 'managers']) {
      await q.run(`UPDATE ${table} SET updated_by = NULL WHERE updated_by IN (SELECT id FROM managers WHERE is_demo = 1)`);
    }
    await q.run(`UPDATE cases SET manager_id = NULL WHERE manager_id IN (SELECT id FROM managers WHERE is_demo = 1)`);
    removed += (await q.run(`DELETE FROM managers WHERE is_demo = 1`)).changes;
    for (const { id } of ids) await q.run('DELETE FROM audit WHERE entity_id = ?', [id]);
    await q.run(`UPDATE audit SET manager_id = NULL WHERE manager_id NOT IN (SELECT id FROM managers)`);
    return removed;
  });
}
