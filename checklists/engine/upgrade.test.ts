import { describe, expect, it } from 'vitest';
import { getTemplate, upgradeRun, validateTemplateData, type Answer, type Template } from './index.js';

function v1(): Template {
  return getTemplate('inspection', 1)!;
}

/** A v2 of the built-in inspection with the kinds of edits a template maintainer makes. */
function v2(): Template {
  const data: any = structuredClone(v1());
  data.version = 2;
  const items = () => data.sections.flatMap((s: any) => s.items);
  const find = (id: string) => items().find((i: any) => i.id === id);
  // 1. an item removed
  for (const s of data.sections) s.items = s.items.filter((i: any) => i.id !== 'vibration');
  // 2. an option removed from a single choice
  find('daylight').options = find('daylight').options.filter((o: any) => o.value !== 'limited');
  // 3. an option removed from a multiple choice
  find('mould').options = find('mould').options.filter((o: any) => o.value !== 'veranda');
  // 4. a type changed: free text → number
  Object.assign(find('gasMeterLocation'), { type: 'number', unit: { ko: 'm', en: 'm' } });
  delete find('gasMeterLocation').maxLength;
  const check = validateTemplateData(data);
  if (!check.ok) throw new Error(check.errors.join('\n'));
  return check.template;
}

describe('upgradeRun', () => {
  const answers: Answer[] = [
    { itemId: 'viewedOn', value: '2026-03-02' },
    { itemId: 'waterPressure', value: 'weak', note: '샤워기 약함' },
    { itemId: 'vibration', value: 'yes', note: '지하철 진동' },
    { itemId: 'daylight', value: 'limited' },
    { itemId: 'mould', value: ['bathroom', 'veranda'], photoIds: ['ph1', 'ph2'] },
    { itemId: 'heatingFuel', value: 'cityGas' },
    { itemId: 'gasMeterLocation', value: '현관 밖 복도' },
  ];

  it('carries answers over by item id, notes and photos included', () => {
    const r = upgradeRun(v1(), v2(), answers);
    expect(r.answers).toContainEqual({ itemId: 'viewedOn', value: '2026-03-02' });
    expect(r.answers).toContainEqual({ itemId: 'waterPressure', value: 'weak', note: '샤워기 약함' });
    expect(r.answers).toContainEqual({ itemId: 'heatingFuel', value: 'cityGas' });
  });

  it('reports every answer that no longer maps, with the previous answer and the reason', () => {
    const r = upgradeRun(v1(), v2(), answers);
    expect(r.unmapped.map((u) => [u.itemId, u.reason])).toEqual([
      ['vibration', 'item-removed'],
      ['daylight', 'option-removed'],
      ['mould', 'option-removed'],
      ['gasMeterLocation', 'type-changed'],
    ]);
    const vibration = r.unmapped.find((u) => u.itemId === 'vibration')!;
    expect(vibration.previous).toEqual({ itemId: 'vibration', value: 'yes', note: '지하철 진동' });
    expect(vibration.message.ko).toContain('새 버전에 이 항목이 없습니다');
    expect(r.unmapped.find((u) => u.itemId === 'daylight')!.message.ko).toContain('limited');
  });

  it('keeps the still-valid part of a multiple choice and names the dropped values', () => {
    const r = upgradeRun(v1(), v2(), answers);
    expect(r.answers).toContainEqual({ itemId: 'mould', value: ['bathroom'], photoIds: ['ph1', 'ph2'] });
    expect(r.unmapped.find((u) => u.itemId === 'mould')!.droppedValues).toEqual(['veranda']);
  });

  it('accounts for every answer: carried or reported, never silently dropped', () => {
    const r = upgradeRun(v1(), v2(), answers);
    const seen = new Set([...r.answers.map((a) => a.itemId), ...r.unmapped.map((u) => u.itemId)]);
    expect([...seen].sort()).toEqual(answers.map((a) => a.itemId).sort());
  });

  it('refuses to "upgrade" to another template or an older version', () => {
    expect(() => upgradeRun(v2(), v1(), answers)).toThrow(/not newer/);
    const other = getTemplate('registry', 1)!;
    expect(() => upgradeRun(v1(), { ...other, version: 2 }, answers)).toThrow(/different template/);
  });
});
