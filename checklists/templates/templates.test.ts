// Every built-in template: valid, complete enough to use, and wired as the brief asks.
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_TEMPLATE_DATA,
  canComplete,
  evidenceRequired,
  getTemplate,
  isChoice,
  listTemplates,
  score,
  validateTemplateData,
  visibleItems,
  type Answer,
  type Item,
  type Template,
} from '../engine/index.js';

/** A written amount of money such as "10만원", "1,000만", "3억", "500원". */
const LEGAL_AMOUNT = /\d[\d,.]*\s*(만|억|천\s*만|원)/;

const items = (t: Template): Item[] => t.sections.flatMap((s) => s.items);

describe.each(Object.keys(BUILT_IN_TEMPLATE_DATA))('built-in %s', (file) => {
  const check = validateTemplateData(BUILT_IN_TEMPLATE_DATA[file]);

  it('passes the schema and the template rules, and its file name matches id and version', () => {
    expect(check.ok ? [] : check.errors).toEqual([]);
    if (check.ok) expect(file).toBe(`${check.template.id}.v${check.template.version}.json`);
  });

  it('has Korean and English text, and a help text on every question that can go wrong', () => {
    if (!check.ok) return;
    for (const item of items(check.template)) {
      expect(item.prompt.ko).toMatch(/[가-힣]/);
      expect(item.prompt.en).toMatch(/[A-Za-z]/);
      const canGoWrong = (isChoice(item) && item.options.some((o) => o.severity !== 'ok')) || (item.type === 'number' && (item.thresholds ?? []).length > 0);
      if (canGoWrong) {
        // The manager has to be able to say why a 주의/위험 answer matters.
        expect(item.help?.ko, `${item.id}: help (ko)`).toMatch(/[가-힣]/);
        expect(item.help?.en, `${item.id}: help (en)`).toMatch(/[A-Za-z]/);
      }
    }
  });

  it('never writes a legal amount into its text: 만원 / 원 figures live in reference tables', () => {
    const text = JSON.stringify(BUILT_IN_TEMPLATE_DATA[file]);
    expect(text).not.toMatch(LEGAL_AMOUNT);
  });
});

describe('the three built-in checklists', () => {
  it('the amount detector used above catches amounts as templates would write them', () => {
    for (const s of ['월 10만원 이상', '보증금 1,000만 초과', '6억', '7.5억', '100원']) expect(s).toMatch(LEGAL_AMOUNT);
    for (const s of ['40초', '10분 이내', '2층 이상', '제3조의2']) expect(s).not.toMatch(LEGAL_AMOUNT);
  });

  it('lists inspection, registry and contract at their latest versions', () => {
    expect(listTemplates().map((t) => t.id).sort()).toEqual(['contract', 'inspection', 'registry']);
  });

  it('inspection: 결로·누수·곰팡이 problems demand a photo', () => {
    const t = getTemplate('inspection', 1)!;
    const find = (id: string) => items(t).find((i) => i.id === id)!;
    expect(evidenceRequired(find('condensation'), 'yes').photo).toBe(true);
    expect(evidenceRequired(find('condensation'), 'no').photo).toBe(false);
    expect(evidenceRequired(find('ceilingLeak'), 'yes').photo).toBe(true);
    expect(evidenceRequired(find('mould'), ['bathroom']).photo).toBe(true);
    expect(evidenceRequired(find('mould'), ['none']).photo).toBe(false);
  });

  it('inspection covers what the issue lists', () => {
    const ids = items(getTemplate('inspection', 1)!).map((i) => i.id);
    for (const id of ['unitMatchesRegistry', 'roomSplitSigns', 'illegalExtensionSigns', 'waterPressure', 'drainage', 'hotWaterSeconds', 'boilerWorks',
      'ceilingLeak', 'condensation', 'mould', 'windowsVentilate', 'daylight', 'noiseLevel', 'vibration', 'electricityWorks', 'gasMeterLocation',
      'smokeDetector', 'extinguisher', 'escapeRoute', 'doorLock', 'cctv', 'windowGuards', 'routeHome', 'maintenanceFee', 'maintenanceFeeCovers',
      'transit', 'dailyAmenities', 'harmfulFacilities']) {
      expect(ids).toContain(id);
    }
  });

  it('registry: 다가구 asks for 선순위 보증금; an agent needs 위임장, 인감증명서 and a call; 신탁 needs 신탁원부 and 수탁자 동의', () => {
    const t = getTemplate('registry', 1)!;
    const shown = (answers: Answer[]) => visibleItems(t, answers).map((v) => v.item.id);
    expect(shown([{ itemId: 'propertyType', value: 'apartment' }])).not.toContain('seniorDeposits');
    expect(shown([{ itemId: 'propertyType', value: 'dagagu' }])).toContain('seniorDeposits');
    expect(shown([{ itemId: 'signedBy', value: 'owner' }])).not.toContain('powerOfAttorney');
    expect(shown([{ itemId: 'signedBy', value: 'agent' }])).toEqual(expect.arrayContaining(['powerOfAttorney', 'sealCertificate', 'ownerCalled', 'agentIdChecked']));
    expect(shown([{ itemId: 'gapguEntries', value: ['trust'] }])).toEqual(expect.arrayContaining(['trustRegisterChecked', 'trusteeConsent']));
    expect(shown([{ itemId: 'gapguEntries', value: ['none'] }])).not.toContain('trusteeConsent');
    expect(shown([{ itemId: 'gapguEntries', value: ['provisionalSeizure'] }])).toContain('gapguClearance');
  });

  it('registry: a 가압류 makes the verdict 위험 and is the first driver', () => {
    const t = getTemplate('registry', 1)!;
    const s = score(t, [
      { itemId: 'certFresh', value: 'no' },
      { itemId: 'gapguEntries', value: ['provisionalSeizure'], note: '잔금 전 말소 약정' },
    ]);
    expect(s.overall.verdict).toBe('danger');
    expect(s.overall.label.ko).toBe('위험 · 미완료');
    expect(s.drivers.map((d) => d.itemId)).toEqual(['gapguEntries', 'certFresh']);
  });

  it('contract: the 관리비 itemisation question names the reference table and shows only for a fixed fee at or above it', () => {
    const t = getTemplate('contract', 1)!;
    const shown = (answers: Answer[]) => visibleItems(t, answers).map((v) => v.item.id);
    expect(shown([{ itemId: 'feeType', value: 'actual' }])).not.toContain('feeItemised');
    expect(shown([{ itemId: 'feeType', value: 'fixed' }, { itemId: 'feeAtThreshold', value: 'no' }])).not.toContain('feeItemised');
    expect(shown([{ itemId: 'feeType', value: 'fixed' }, { itemId: 'feeAtThreshold', value: 'yes' }])).toContain('feeItemised');
    const feeItemised = items(t).find((i) => i.id === 'feeItemised')!;
    expect(feeItemised.refTable).toBe('maintenanceFeeItemisation');
  });

  it('each checklist can be completed by answering every visible item', () => {
    for (const t of listTemplates()) {
      const answers: Answer[] = [];
      // Answer in template order with the first option (or a plain valid value); re-evaluate as answers unlock items.
      for (let round = 0; round < 5; round++) {
        for (const v of visibleItems(t, answers)) {
          if (answers.some((a) => a.itemId === v.item.id)) continue;
          answers.push({ itemId: v.item.id, value: sampleValue(v.item), note: '메모', photoIds: ['photo-1'] });
        }
      }
      expect(canComplete(t, answers).missing, t.id).toEqual([]);
      expect(score(t, answers).overall.complete).toBe(true);
    }
  });
});

function sampleValue(item: Item): Answer['value'] {
  switch (item.type) {
    case 'yesno':
    case 'single':
      return item.options[0].value;
    case 'multi':
      return [item.options[0].value];
    case 'number':
      return item.min ?? 1;
    case 'money':
      return 10_000_000;
    case 'date':
      return '2026-03-02';
    case 'photo':
      return ['photo-1'];
    default:
      return '확인함';
  }
}

describe('issue 13: version 2 of the three checklists', () => {
  const v = (id: string, version: number) => getTemplate(id, version)!;
  it('a v1 run upgrades to v2 with every answer carried over (new items start unanswered)', async () => {
    const { upgradeRun } = await import('../engine/index.js');
    for (const id of ['inspection', 'registry', 'contract']) {
      const old = v(id, 1);
      const answers = items(old).filter(isChoice).map((i) => ({ itemId: i.id, value: i.type === 'multi' ? [i.options[0].value] : i.options[0].value }));
      const r = upgradeRun(old, v(id, 2), answers as never);
      expect(r.unmapped, id).toEqual([]);
    }
  });

  const run = (answers: Answer[]) => score(v('contract', 2), answers);
  const a = (itemId: string, value: unknown) => ({ itemId, value }) as Answer;

  it('5 %: a §6의3 renewal or an increase during the lease asks about the cap; an agreement after expiry does not, and suggests the renewal right', () => {
    const shown = (answers: Answer[]) => visibleItems(v('contract', 2), answers).map((i) => i.item.id);
    expect(shown([a('registeredLandlord', 'notRegistered'), a('contractKind', 'renewalRight')])).toContain('increaseWithinCap');
    expect(shown([a('registeredLandlord', 'notRegistered'), a('contractKind', 'increaseDuringLease')])).toContain('increaseWithinCap');
    const agreed = shown([a('registeredLandlord', 'notRegistered'), a('contractKind', 'renewalAgreed'), a('agreedIncreaseAboveCap', 'yes')]);
    expect(agreed).not.toContain('increaseWithinCap');
    expect(agreed).toContain('renewalRightStillAvailable');
    // With a 등록임대사업자 the cap applies to a new agreement too (민간임대주택법 §44).
    expect(shown([a('registeredLandlord', 'registered'), a('contractKind', 'renewalAgreed')])).toContain('increaseWithinCap');
    const over = run([a('registeredLandlord', 'notRegistered'), a('contractKind', 'renewalAgreed'), a('agreedIncreaseAboveCap', 'yes'), a('renewalRightStillAvailable', 'yes')]);
    expect(over.overall.verdict).toBe('caution');
    expect(over.drivers.map((d) => d.itemId)).toEqual(['renewalRightStillAvailable']);
  });

  it('등록임대사업자 brings the standard form, the deposit guarantee and the broker’s §21①12 explanation', () => {
    const ids = visibleItems(v('contract', 2), [a('registeredLandlord', 'registered')]).map((i) => i.item.id);
    expect(ids).toEqual(expect.arrayContaining(['registeredStandardForm', 'registeredGuarantee', 'registeredExplained']));
    const explained = items(v('contract', 2)).find((i) => i.id === 'registeredExplained')!;
    expect(explained.reference).toBe('공인중개사법 시행령 제21조①12');
  });

  it('승강기, the 미납국세 rule, VAT on the fee and the auction item are there, citing their articles', () => {
    const find = (id: string, item: string) => items(v(id, 2)).find((i) => i.id === item)!;
    expect(find('inspection', 'elevator').reference).toContain('제21조①5');
    expect(find('contract', 'unpaidTaxBox').help?.ko).toContain('국세징수법 §109②');
    expect(find('contract', 'unpaidTaxBox').help?.ko).toContain('계약 전에는 임대인의 동의');
    expect(find('registry', 'taxStatus').refTable).toBe('unpaidTaxViewing');
    expect(find('contract', 'brokerageFeeVat').prompt.ko).toContain('부가가치세');
    expect(find('registry', 'auctionMoveIn').reference).toBe('주택임대차보호법 제8조① 후단');
  });
});

describe('issue 13: 신탁 severity agrees between the registry checklist and R3', () => {
  it('주의 once the 신탁원부 is checked and the 수탁자 consents, 위험 otherwise — in both', async () => {
    const { analyzeRegistry } = await import('../rights/analyze.js');
    const t = getTemplate('registry', 2)!;
    const worst = (answers: Answer[]) => {
      const s = score(t, answers).drivers.filter((d) => ['gapguEntries', 'trustRegisterChecked', 'trusteeConsent'].includes(d.itemId));
      return s.some((d) => d.severity === 'danger') ? 'danger' : s.length ? 'caution' : 'ok';
    };
    const a = (itemId: string, value: unknown) => ({ itemId, value }) as Answer;
    const doc = (trustConsent: boolean) => ({
      property: { buildingType: 'multiplex', address: '서울특별시 관악구 신림동 1' },
      landlord: { name: '코리아신탁' },
      lease: { deposit: 100_000_000 },
      trustConsent,
      gapgu: [{ rank: '1', purpose: '소유권이전', receivedAt: '2020-01-01', holders: ['김위탁'] }, { rank: '2', purpose: '신탁', receivedAt: '2021-01-01', holders: ['코리아신탁'] }],
    });
    const r3 = (consent: boolean) => analyzeRegistry(doc(consent), { asOf: '2026-11-27' }).flags.find((f) => f.code === 'R3')!.severity;
    expect(worst([a('gapguEntries', ['trust']), a('trustRegisterChecked', 'yes'), a('trusteeConsent', 'yes')])).toBe('caution');
    expect(r3(true)).toBe('caution');
    expect(worst([a('gapguEntries', ['trust']), a('trustRegisterChecked', 'yes'), a('trusteeConsent', 'no')])).toBe('danger');
    expect(r3(false)).toBe('danger');
  });
});
