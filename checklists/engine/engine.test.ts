import { describe, expect, it } from 'vitest';
import {
  canComplete,
  evidenceRequired,
  score,
  severityOf,
  validateAnswer,
  validateTemplateData,
  visibleItems,
  type Answer,
  type Item,
  type Template,
} from './index.js';

// A small template exercising every rule the engine applies; the built-in templates are
// checked separately in templates.test.ts.
const fixture = {
  id: 'fixture',
  version: 1,
  title: { ko: '시험', en: 'Fixture' },
  sections: [
    {
      id: 'house',
      title: { ko: '집', en: 'House' },
      items: [
        {
          id: 'kind',
          type: 'single',
          prompt: { ko: '건물 종류', en: 'Kind' },
          options: [
            { value: 'apartment', label: { ko: '아파트', en: 'Apartment' }, severity: 'ok' },
            { value: 'dagagu', label: { ko: '다가구', en: 'Multi-household' }, severity: 'ok' },
            { value: 'geunsaeng', label: { ko: '근생', en: 'Neighbourhood facility' }, severity: 'danger' },
          ],
        },
        {
          id: 'seniorDeposits',
          type: 'money',
          prompt: { ko: '선순위 보증금', en: 'Earlier deposits' },
          showIf: { op: 'equals', item: 'kind', value: 'dagagu' },
        },
        {
          id: 'seniorChecked',
          type: 'yesno',
          prompt: { ko: '확인했나요', en: 'Checked?' },
          showIf: { op: 'gt', item: 'seniorDeposits', value: 0 },
          options: [
            { value: 'yes', severity: 'ok' },
            { value: 'no', severity: 'danger' },
          ],
        },
        {
          id: 'condensation',
          type: 'yesno',
          prompt: { ko: '결로가 있나요', en: 'Condensation?' },
          reference: '공인중개사법 시행령 제21조①6',
          options: [
            { value: 'yes', severity: 'caution' },
            { value: 'no', severity: 'ok' },
            { value: 'na', severity: 'ok' },
          ],
          evidenceWhen: [{ values: ['yes'], photo: true }],
        },
        {
          id: 'mould',
          type: 'multi',
          prompt: { ko: '곰팡이', en: 'Mould' },
          options: [
            { value: 'none', label: { ko: '없음', en: 'None' }, severity: 'ok', exclusive: true },
            { value: 'bath', label: { ko: '욕실', en: 'Bathroom' }, severity: 'caution' },
            { value: 'walls', label: { ko: '벽', en: 'Walls' }, severity: 'danger' },
          ],
          evidenceWhen: [
            { severityAtLeast: 'caution', photo: true },
            { severityAtLeast: 'danger', note: true },
          ],
        },
      ],
    },
    {
      id: 'water',
      title: { ko: '물', en: 'Water' },
      items: [
        {
          id: 'hotWater',
          type: 'number',
          prompt: { ko: '온수', en: 'Hot water' },
          unit: { ko: '초', en: 's' },
          min: 0,
          thresholds: [
            { op: 'gt', value: 40, severity: 'caution' },
            { op: 'gt', value: 180, severity: 'danger' },
          ],
        },
        { id: 'viewedOn', type: 'date', prompt: { ko: '날짜', en: 'Date' }, required: false },
        {
          id: 'notes',
          type: 'longtext',
          prompt: { ko: '메모', en: 'Notes' },
          required: false,
          requiredIf: { op: 'any', of: [{ op: 'in', item: 'mould', values: ['walls'] }, { op: 'gte', item: 'hotWater', value: 100 }] },
        },
      ],
    },
  ],
};

function load(): Template {
  const check = validateTemplateData(fixture);
  if (!check.ok) throw new Error(check.errors.join('\n'));
  return check.template;
}
const t = load();
const item = (id: string): Item => t.sections.flatMap((s) => s.items).find((i) => i.id === id)!;
const a = (itemId: string, value: Answer['value'], extra: Partial<Answer> = {}): Answer => ({ itemId, value, ...extra });

describe('showIf / requiredIf', () => {
  it('shows the 선순위 보증금 questions only for 다가구, and chains through money comparisons', () => {
    const ids = (answers: Answer[]) => visibleItems(t, answers).map((v) => v.item.id);
    expect(ids([a('kind', 'apartment')])).not.toContain('seniorDeposits');
    expect(ids([a('kind', 'dagagu')])).toContain('seniorDeposits');
    expect(ids([a('kind', 'dagagu')])).not.toContain('seniorChecked');
    expect(ids([a('kind', 'dagagu'), a('seniorDeposits', '3억')])).toContain('seniorChecked');
    expect(ids([a('kind', 'dagagu'), a('seniorDeposits', 0)])).not.toContain('seniorChecked');
  });

  it('ignores answers to hidden items, so changing an early answer hides the whole chain', () => {
    const answers = [a('kind', 'apartment'), a('seniorDeposits', '3억'), a('seniorChecked', 'no')];
    const ids = visibleItems(t, answers).map((v) => v.item.id);
    expect(ids).not.toContain('seniorChecked');
    // ...and the hidden 위험 answer does not count towards the verdict.
    expect(score(t, answers).overall.danger).toBe(0);
  });

  it('makes an optional item required when requiredIf holds (any/in and numeric comparison)', () => {
    const req = (answers: Answer[]) => visibleItems(t, answers).find((v) => v.item.id === 'notes')!.required;
    expect(req([])).toBe(false);
    expect(req([a('mould', ['bath'])])).toBe(false);
    expect(req([a('mould', ['bath', 'walls'])])).toBe(true);
    expect(req([a('hotWater', 100)])).toBe(true);
    expect(req([a('hotWater', 99)])).toBe(false);
  });

  it('treats an invalid stored answer as unanswered for conditions', () => {
    const ids = visibleItems(t, [a('kind', 'castle')]).map((v) => v.item.id);
    expect(ids).not.toContain('seniorDeposits');
  });
});

describe('validateAnswer', () => {
  it('reads money as people type it, in integer won, and flags a bare number as ambiguous', () => {
    const r = validateAnswer(item('seniorDeposits'), '1억 5천');
    expect(r).toMatchObject({ ok: true, value: 150_000_000, ambiguous: false });
    expect(validateAnswer(item('seniorDeposits'), '5000')).toMatchObject({ ok: true, value: 50_000_000, ambiguous: true });
    expect(validateAnswer(item('seniorDeposits'), 12_345)).toMatchObject({ ok: true, value: 12_345 });
    const bad = validateAnswer(item('seniorDeposits'), '일억');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.ko).toContain('일억');
    expect(validateAnswer(item('seniorDeposits'), 10.5).ok).toBe(false);
  });

  it('rejects options that are not offered, naming what can be picked in both languages', () => {
    const r = validateAnswer(item('condensation'), 'maybe');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.ko).toContain('예, 아니오, 해당없음');
      expect(r.error.en).toContain('Yes, No, N/A');
    }
    expect(validateAnswer(item('condensation'), 'na')).toMatchObject({ ok: true, value: 'na' });
  });

  it('normalises multi answers to template order without repeats', () => {
    expect(validateAnswer(item('mould'), ['walls', 'bath', 'walls'])).toMatchObject({ ok: true, value: ['bath', 'walls'] });
    expect(validateAnswer(item('mould'), ['attic']).ok).toBe(false);
  });

  it('refuses 없음 together with a problem in a multiple choice', () => {
    const r = validateAnswer(item('mould'), ['none', 'bath']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.ko).toBe('「없음」은(는) 다른 답과 함께 고를 수 없습니다.');
    expect(validateAnswer(item('mould'), ['none'])).toMatchObject({ ok: true, value: ['none'] });
  });

  it('checks numbers against their bounds and dates against the calendar', () => {
    expect(validateAnswer(item('hotWater'), '35')).toMatchObject({ ok: true, value: 35 });
    const neg = validateAnswer(item('hotWater'), -1);
    expect(neg.ok).toBe(false);
    if (!neg.ok) expect(neg.error.ko).toContain('0초 이상');
    expect(validateAnswer(item('viewedOn'), '2026-02-30').ok).toBe(false);
    expect(validateAnswer(item('viewedOn'), '2026-02-28').ok).toBe(true);
    expect(validateAnswer(item('notes'), '   ').ok).toBe(false);
  });
});

describe('severity and evidence', () => {
  it('takes the option severity, the worst selected option for multi, and the worst threshold for numbers', () => {
    expect(severityOf(item('condensation'), 'yes')).toBe('caution');
    expect(severityOf(item('mould'), ['none'])).toBe('ok');
    expect(severityOf(item('mould'), ['bath', 'walls'])).toBe('danger');
    expect(severityOf(item('hotWater'), 40)).toBe('ok');
    expect(severityOf(item('hotWater'), 41)).toBe('caution');
    expect(severityOf(item('hotWater'), 181)).toBe('danger');
    expect(severityOf(item('hotWater'), undefined)).toBeNull();
  });

  it('demands a photo for 결로 있음 and a photo plus a note for 위험 mould, nothing for 정상 answers', () => {
    expect(evidenceRequired(item('condensation'), 'yes')).toEqual({ photo: true, note: false });
    expect(evidenceRequired(item('condensation'), 'no')).toEqual({ photo: false, note: false });
    expect(evidenceRequired(item('mould'), ['bath'])).toEqual({ photo: true, note: false });
    expect(evidenceRequired(item('mould'), a('mould', ['walls']))).toEqual({ photo: true, note: true });
  });
});

describe('score and canComplete', () => {
  const full: Answer[] = [
    a('kind', 'apartment'),
    a('condensation', 'yes', { photoIds: ['p1'] }),
    a('mould', ['none']),
    a('hotWater', 200),
    // hotWater ≥ 100 makes the note required.
    a('notes', '온수 3분 넘게 걸림'),
  ];

  it('gives 위험 if any answer is 위험, lists 위험 drivers before 주의, and counts per section', () => {
    const s = score(t, full);
    expect(s.overall.verdict).toBe('danger');
    expect(s.overall.danger).toBe(1);
    expect(s.overall.caution).toBe(1);
    expect(s.drivers.map((d) => [d.itemId, d.severity])).toEqual([
      ['hotWater', 'danger'],
      ['condensation', 'caution'],
    ]);
    expect(s.drivers[0].answer.ko).toBe('200초');
    expect(s.drivers[1].reference).toBe('공인중개사법 시행령 제21조①6');
    const house = s.sections.find((x) => x.sectionId === 'house')!;
    expect(house).toMatchObject({ verdict: 'caution', caution: 1, danger: 0, visible: 3, answered: 3, complete: true });
    expect(house.label.ko).toBe('주의');
  });

  it('gives 주의 when the worst answer is 주의, and 안전 when none is', () => {
    expect(score(t, full.map((x) => (x.itemId === 'hotWater' ? a('hotWater', 50) : x))).overall.verdict).toBe('caution');
    const safe = full.map((x) => (x.itemId === 'hotWater' ? a('hotWater', 10) : x.itemId === 'condensation' ? a('condensation', 'na') : x));
    const s = score(t, safe);
    expect(s.overall.verdict).toBe('safe');
    expect(s.overall.complete).toBe(true);
    expect(s.overall.label).toEqual({ ko: '안전', en: 'Safe' });
    expect(s.drivers).toEqual([]);
  });

  it('shows 미완료 beside the verdict so far, and counts 해당없음 as answered', () => {
    const s = score(t, [a('kind', 'geunsaeng'), a('condensation', 'na')]);
    expect(s.overall.verdict).toBe('danger');
    expect(s.overall.complete).toBe(false);
    expect(s.overall.label.ko).toBe('위험 · 미완료');
    // visible: kind, condensation, mould, hotWater, viewedOn, notes → answered 2 of 6
    expect(s.overall.answered).toBe(2);
    expect(s.overall.answeredShare).toBeCloseTo(2 / 6);
    expect(s.sections.find((x) => x.sectionId === 'water')!.answeredShare).toBe(0);
  });

  it('refuses completion while a required answer or demanded evidence is missing, naming section and item', () => {
    const noPhoto = full.map((x) => (x.itemId === 'condensation' ? a('condensation', 'yes') : x));
    const r = canComplete(t, noPhoto);
    expect(r.ok).toBe(false);
    expect(r.missing).toEqual([
      expect.objectContaining({ sectionId: 'house', itemId: 'condensation', kind: 'photo' }),
    ]);
    expect(r.missing[0].message.ko).toContain('사진');
    // A photo attached afterwards (kept apart from the answer) completes it.
    expect(canComplete(t, noPhoto, { condensation: { photoIds: ['p9'] } }).ok).toBe(true);

    const empty = canComplete(t, []);
    expect(empty.missing.map((m) => m.itemId)).toEqual(['kind', 'condensation', 'mould', 'hotWater']);
    expect(empty.missing.every((m) => m.kind === 'answer')).toBe(true);
  });

  it('requires the conditional note and the evidence of a 위험 multi answer', () => {
    const r = canComplete(t, [...full.filter((x) => x.itemId !== 'mould' && x.itemId !== 'notes'), a('mould', ['walls'], { photoIds: ['p2'] })]);
    expect(r.missing.map((m) => [m.itemId, m.kind])).toEqual([
      ['mould', 'note'],
      ['notes', 'answer'],
    ]);
  });

  it('reports a stored answer that is no longer valid instead of counting it', () => {
    const r = canComplete(t, [...full.filter((x) => x.itemId !== 'kind'), a('kind', 'castle')]);
    expect(r.missing).toEqual([expect.objectContaining({ itemId: 'kind', kind: 'invalid' })]);
  });
});
