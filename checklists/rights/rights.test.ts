import { describe, expect, it } from 'vitest';
import { analyzeRegistry, type RegistryInput } from './analyze.js';
import { cancelledRanks, classifyPurpose, parseRank } from './entries.js';
import { buildLadder, ownersOf } from './ladder.js';
import { registryEntry, type RegistryEntryInput } from './input.js';

const e = (x: RegistryEntryInput) => registryEntry.parse(x);

function base(over: Partial<RegistryInput> = {}): RegistryInput {
  return {
    property: { buildingType: 'multiplex', address: '서울특별시 관악구 신림동 100-1', officialPrice: 200_000_000 },
    landlord: { name: '김소유' },
    lease: { deposit: 150_000_000, monthlyRent: 0, moveInDate: '2026-12-20', fixedDate: '2026-12-20' },
    taxArrears: false,
    buildingRegister: { violation: false, mainUse: '다세대주택' },
    gapgu: [
      { rank: '1', purpose: '소유권보존', receivedAt: '2015-03-02', receiptNo: '제1001호', holders: ['박건축'], cancelled: false },
      { rank: '2', purpose: '소유권이전', receivedAt: '2020-06-10', receiptNo: '제22001호', cause: '2020년5월1일 매매', holders: ['김소유'], cancelled: false },
    ],
    eulgu: [],
    ...over,
  };
}

describe('entries are recognised by meaning', () => {
  it.each([
    ['근저당권설정', 'mortgage'], ['근저당권 설정', 'mortgage'], ['저당권설정', 'mortgage'],
    ['가압류', 'provisionalAttachment'], ['압류', 'attachment'], ['가처분', 'injunction'],
    ['강제경매개시결정', 'auction'], ['임의경매개시결정', 'auction'],
    ['소유권이전', 'ownershipTransfer'], ['소유권보존', 'ownershipPreservation'], ['소유권일부이전', 'ownershipPartialTransfer'],
    ['신탁', 'trust'], ['주택임차권', 'leaseRegistration'], ['소유권이전청구권가등기', 'provisionalRegistration'],
    ['1번근저당권설정등기말소', 'cancellation'], ['3번 가압류등기 말소', 'cancellation'], ['1번근저당권변경', 'mortgageChange'],
    ['1번근저당권이전', 'mortgageTransfer'], ['전세권설정', 'jeonseRight'],
  ] as const)('%s → %s', (purpose, kind) => {
    expect(classifyPurpose(purpose)).toBe(kind);
  });
  it('reads a trust transfer from its cause, and 신탁재산귀속 is not a trust', () => {
    expect(classifyPurpose('소유권이전', '신탁')).toBe('trust');
    expect(classifyPurpose('소유권이전', '신탁재산귀속')).toBe('ownershipTransfer');
  });
  it('reads 부기 ranks and the ranks a 말소 names', () => {
    expect(parseRank('1-1')).toEqual([1, 1]);
    expect(parseRank('12')).toEqual([12, 0]);
    expect(cancelledRanks('1번근저당권설정등기말소')).toEqual(['1']);
  });
});

describe('seniority ladder and the tenant’s place', () => {
  it('a 근저당 received on the move-in day ranks ahead; one received the next day ranks behind (A > B > C)', () => {
    const l = buildLadder([], [
      e({ rank: '1', purpose: '근저당권설정', receivedAt: '2026-05-08', holders: ['A은행'], maxClaim: 1 }),
      e({ rank: '2', purpose: '근저당권설정', receivedAt: '2026-05-09', holders: ['C캐피탈'], maxClaim: 1 }),
    ], '2026-05-08', '2026-05-08');
    expect(l.entries.map((x) => [x.holders[0], x.position])).toEqual([['A은행', 'senior'], ['C캐피탈', 'junior']]);
    expect(l.tenantIndex).toBe(1);
    expect(l.tenant.opposingPowerFrom).toBe('2026-05-09T00:00:00+09:00');
  });
  it('a 확정일자 later than moving in ties with a right received that day', () => {
    const l = buildLadder([], [e({ rank: '1', purpose: '근저당권설정', receivedAt: '2026-05-12', holders: ['B'] })], '2026-05-08', '2026-05-12');
    expect(l.entries[0].position).toBe('tie');
  });
  it('orders across 갑구 and 을구 by date then 접수번호; a 부기 keeps its 주등기’s place; a 본등기 keeps its 가등기’s rank', () => {
    const l = buildLadder(
      [
        e({ rank: '1', purpose: '소유권보존', receivedAt: '2020-01-01', receiptNo: '100', holders: ['갑'] }),
        e({ rank: '2', purpose: '소유권이전청구권가등기', receivedAt: '2021-01-01', receiptNo: '5', holders: ['을'] }),
        e({ rank: '2', purpose: '소유권이전', receivedAt: '2023-01-01', receiptNo: '9', holders: ['을'] }),
        e({ rank: '3', purpose: '가압류', receivedAt: '2022-03-01', receiptNo: '300', holders: ['병'] }),
      ],
      [
        e({ rank: '1', purpose: '근저당권설정', receivedAt: '2022-03-01', receiptNo: '200', holders: ['은행'], maxClaim: 120_000_000 }),
        e({ rank: '1-1', purpose: '1번근저당권변경', receivedAt: '2024-01-01', receiptNo: '7', holders: [], maxClaim: 60_000_000 }),
      ],
    );
    expect(l.entries.map((x) => `${x.gu}${x.rank}`)).toEqual(['갑구1', '갑구2', '갑구2', '을구1', '을구1-1', '갑구3']);
    expect(l.entries.find((x) => x.gu === '을구' && x.rank === '1')?.maxClaim).toBe(60_000_000);
    expect(l.entries.find((x) => x.kind === 'provisionalRegistration')?.completedByMainRegistration).toBe(true);
  });
  it('owners are the holders of the latest live 소유권 entry, not the last line of 갑구', () => {
    const l = buildLadder([
      e({ rank: '1', purpose: '소유권보존', receivedAt: '2015-01-01', holders: ['갑'] }),
      e({ rank: '2', purpose: '소유권이전', receivedAt: '2018-01-01', holders: ['을', '병'] }),
      e({ rank: '3', purpose: '소유권이전', receivedAt: '2019-01-01', holders: ['정'], cancelled: true }),
      e({ rank: '4', purpose: '가압류', receivedAt: '2020-01-01', holders: ['채권자'] }),
    ], []);
    expect(ownersOf(l).owners).toEqual(['을', '병']);
  });
});

describe('analyzeRegistry', () => {
  const asOf = '2026-11-27';
  it('a live 근저당 and a 가압류: 위험, with R2 first, and clauses to cancel both', () => {
    const r = analyzeRegistry(base({
      gapgu: [...base().gapgu!, { rank: '3', purpose: '가압류', receivedAt: '2025-09-01', receiptNo: '제9001호', holders: ['대부업체'], cancelled: false }],
      eulgu: [{ rank: '1', purpose: '근저당권 설정', receivedAt: '2020-06-10', receiptNo: '제22002호', holders: ['국민은행'], maxClaim: 60_000_000, cancelled: false }],
    }), { asOf });
    expect(r.verdict).toBe('danger');
    expect(r.verdictLabel.ko).toBe('위험');
    expect(r.flags[0]).toMatchObject({ severity: 'danger', severityLabel: { ko: '위험' } });
    expect(r.flags.filter((f) => f.code === 'R2').map((f) => f.entries)).toEqual([['갑구 3']]);
    expect(r.clauses.map((c) => c.id)).toEqual(expect.arrayContaining(['cancel-mortgage-1', 'cancel-provisionalAttachment-갑구-3', 'no-new-security']));
    expect(r.clauses.find((c) => c.id === 'cancel-mortgage-1')!.text.ko).toMatch(/을구 순위번호 1번 근저당권.*배액/);
    // (6,000만 + 1억5,000만) / (2억 × 1.4) = 75 %: 주의, from an estimate that is said so.
    expect(r.ltv).toMatchObject({ ratio: 0.75, band: '주의', jeonseRatio: 0.535714, marketValueEstimated: true, seniorClaims: 60_000_000 });
    expect(r.flags.find((f) => f.code === 'R4')!.message.ko).toMatch(/공시가격 × 140%로 추정/);
    expect(r.priorityRepayment).toHaveLength(1);
    expect(r.priorityRepayment[0]).toMatchObject({ holder: '국민은행', tableEffectiveFrom: '2018-09-18', eligible: false, threshold: 110_000_000 });
  });

  it('cancelled entries never raise a flag, whether marked or named by a 말소 line', () => {
    const r = analyzeRegistry(base({
      gapgu: [
        ...base().gapgu!,
        { rank: '3', purpose: '가압류', receivedAt: '2021-01-01', holders: ['X'], cancelled: false },
        { rank: '4', purpose: '3번가압류등기말소', receivedAt: '2021-05-01', holders: [], cancelled: false },
        { rank: '5', purpose: '압류', receivedAt: '2022-01-01', holders: ['세무서'], cancelled: true },
      ],
      eulgu: [
        { rank: '1', purpose: '근저당권설정', receivedAt: '2020-06-10', holders: ['은행'], maxClaim: 100_000_000, cancelled: false },
        { rank: '2', purpose: '1번근저당권설정등기말소', receivedAt: '2024-02-01', holders: [], cancelled: false },
      ],
    }), { asOf });
    expect(r.flags.filter((f) => f.code === 'R2')).toEqual([]);
    expect(r.clauses.some((c) => c.id.startsWith('cancel-'))).toBe(false);
    expect(r.ltv.seniorClaims).toBe(0);
    expect(r.verdict).toBe('safe');
    expect(r.priorityRepayment[0]).toMatchObject({ holder: null, tableEffectiveFrom: '2023-02-21', eligible: true, amount: 55_000_000 });
  });

  it('R1: not the owner → 위험; an agent with documents checked → 주의; one of two co-owners → 주의', () => {
    expect(analyzeRegistry(base({ landlord: { name: '이사기' } }), { asOf }).flags[0]).toMatchObject({ code: 'R1', severity: 'danger' });
    const agent = analyzeRegistry(base({ landlord: { name: '김대리', actingAsAgent: true, agentDocumentsChecked: true } }), { asOf });
    expect(agent.flags.find((f) => f.code === 'R1')).toMatchObject({ severity: 'caution' });
    expect(agent.verdict).toBe('caution');
    const co = analyzeRegistry(base({ gapgu: [{ rank: '1', purpose: '소유권보존', receivedAt: '2015-03-02', holders: ['김소유', '최공유'], cancelled: false }] }), { asOf });
    expect(co.flags.find((f) => f.code === 'R1')!.message.ko).toMatch(/공동소유/);
  });

  it('R3: a trust is 위험, 주의 with the 신탁원부 reviewed and consent', () => {
    const trust = { gapgu: [...base().gapgu!, { rank: '3', purpose: '소유권이전', cause: '신탁', receivedAt: '2024-01-01', holders: ['한국토지신탁'], cancelled: false }] };
    const r = analyzeRegistry(base(trust), { asOf });
    expect(r.flags.find((f) => f.code === 'R3')).toMatchObject({ severity: 'danger' });
    expect(r.flags.some((f) => f.code === 'R1')).toBe(false);
    expect(r.owners).toEqual(['한국토지신탁']);
    expect(r.clauses.some((c) => c.id === 'trust-consent')).toBe(true);
    expect(analyzeRegistry(base({ ...trust, trustConsent: true }), { asOf }).flags.find((f) => f.code === 'R3')).toMatchObject({ severity: 'caution' });
  });

  it('R4 is unknown without a value and names the missing facts; R5 fails when the deposit is above the HUG limit', () => {
    const r = analyzeRegistry(base({ property: { buildingType: 'multiplex', address: '서울 관악구 신림동 1' } }), { asOf });
    expect(r.flags.find((f) => f.code === 'R4')).toMatchObject({ severity: 'caution', missing: ['property.marketValue', 'property.officialPrice'] });
    expect(r.verdict).toBe('caution');
    expect(r.ltv.ratio).toBeNull();
    const over = analyzeRegistry(base({ lease: { deposit: 260_000_000, moveInDate: '2026-12-20' } }), { asOf });
    expect(over.flags.find((f) => f.code === 'R5')).toMatchObject({ severity: 'danger' });
    expect(over.hug).toMatchObject({ eligible: false, maxDeposit: 252_000_000 });
  });

  it('missing building-register and tax facts keep the verdict from 안전 and are named', () => {
    const r = analyzeRegistry(base({ buildingRegister: undefined, taxArrears: undefined }), { asOf });
    expect(r.verdict).toBe('caution');
    expect(r.flags.filter((f) => f.severity === 'caution').map((f) => [f.code, f.missing])).toEqual([['R6', ['buildingRegister']], ['R7', ['taxArrears']]]);
  });

  it('R6 근린생활시설 and R7 tax arrears are 위험', () => {
    const r = analyzeRegistry(base({ buildingRegister: { violation: false, mainUse: '제2종 근린생활시설' }, taxArrears: true }), { asOf });
    expect(r.flags.filter((f) => f.severity === 'danger').map((f) => f.code)).toEqual(['R6', 'R7']);
  });

  it('R8 judges each 담보권자 by its own date: an old 근저당 keeps the old table', () => {
    const r = analyzeRegistry(base({
      lease: { deposit: 100_000_000, moveInDate: '2026-12-20' },
      eulgu: [
        { rank: '1', purpose: '근저당권설정', receivedAt: '2017-01-01', holders: ['가은행'], maxClaim: 10_000_000, cancelled: false },
        { rank: '2', purpose: '근저당권설정', receivedAt: '2022-01-01', holders: ['나은행'], maxClaim: 10_000_000, cancelled: false },
      ],
    }), { asOf });
    expect(r.priorityRepayment.map((p) => [p.holder, p.tableEffectiveFrom, p.eligible, p.amount])).toEqual([
      ['가은행', '2016-03-31', true, 34_000_000],
      ['나은행', '2021-05-11', true, 50_000_000],
    ]);
    expect(r.flags.filter((f) => f.code === 'R8')).toHaveLength(2);
  });

  it('a 주택임차권 is 위험 and removes 최우선변제', () => {
    const r = analyzeRegistry(base({ eulgu: [{ rank: '1', purpose: '주택임차권', receivedAt: '2025-01-01', holders: ['전임차인'], maxClaim: 90_000_000, cancelled: false }] }), { asOf });
    expect(r.flags[0]).toMatchObject({ code: 'R2', severity: 'danger' });
    expect(r.priorityRepayment[0]).toMatchObject({ eligible: false, amount: 0 });
  });

  it('lists dated steps and warns when the register was read before the 잔금일', () => {
    const r = analyzeRegistry(base({
      lease: { deposit: 150_000_000, moveInDate: '2026-12-20', endDate: '2028-12-19' },
      certificate: { issuedAt: '2026-11-25T10:00:00+09:00' },
      contract: {
        contractDate: '2026-11-27',
        downPayment: { amount: 15_000_000, date: '2026-11-27' },
        balance: { amount: 135_000_000, date: '2026-12-20' },
        moveInDate: '2026-12-20',
      },
    }), { asOf });
    expect(r.steps.map((s) => [s.key, s.date])).toEqual([
      ['downPayment', '2026-11-27'],
      ['leaseReport', '2026-12-28'], // day 30 (12-27) is a Sunday: 민법 §161
      ['balance', '2026-12-20'],
      ['moveIn', '2026-12-20'],
      ['guarantee', '2027-12-20'],
    ].sort((a, b) => a[1].localeCompare(b[1])));
    expect(r.warnings[0].ko).toMatch(/2026-11-25.*잔금일\(2026-12-20\)/);
    expect(r.clauses.find((c) => c.id === 'no-new-security')!.text.ko).toMatch(/2026-12-20까지.*2026-12-22/);
    const fresh = analyzeRegistry(base({ certificate: { issuedAt: '2026-12-20T09:00:00+09:00' }, contract: { contractDate: '2026-11-27', balance: { amount: 1, date: '2026-12-20' } } }), { asOf });
    expect(fresh.warnings).toEqual([]);
  });

  it('names the field of bad input', () => {
    expect(() => analyzeRegistry({ ...base(), eulgu: [{ rank: '1', purpose: '근저당권설정', receivedAt: '2020-13-01', holders: [], cancelled: false }] })).toThrow(/^eulgu\.0\.receivedAt: /);
    expect(() => analyzeRegistry({ ...base(), lease: {} })).toThrow('lease.deposit: is required');
  });
});
