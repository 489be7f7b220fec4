// The eight calculators, usable without a case: amounts through the Korean money input, dates,
// results with their notes; and the user's own base-rate rows, which the conversion and
// renewal calculators use beyond the shipped series.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../../electron/api/errors.js';
import type { BaseRateRowView } from '../../../../electron/api/rights-methods.js';
import type { CalculatorInputs, CalculatorName, CalculatorResults, NamedCalculatorResult } from '../../../../checklists/calculators/index.js';
import { formatAmountBoth } from '../../../../checklists/common/money.js';
import { todaySeoul } from '../../../../checklists/common/seoul-time.js';
import { BUILDING_TYPES } from '../../../../electron/api/domain.js';
import { api } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { MoneyInput } from '../../components/MoneyInput.js';
import { fieldErrors, useBilingual } from '../../components/useBilingual.js';
import { TabList, TabPanel } from '../../a11y/Tabs.js';
import { SaveToCase } from './SavedCalcs.js';

type Kind = 'money' | 'date' | 'text' | 'percent' | 'propertyKind' | 'buildingType' | 'choice';
interface FieldSpec<K extends string = string> {
  /** One of the calculator's input fields (checked against its typed input). */
  key: K;
  kind: Kind;
  /** For `choice`: the values (labels under rights.calc.choices.<key>.<value>; '' = not given). */
  choices?: string[];
  optional?: boolean;
  initial?: () => string | number | null;
}

const today = () => todaySeoul();
const SPECS: { [N in CalculatorName]: FieldSpec<Extract<keyof CalculatorInputs[N], string>>[] } = {
  brokerage: [
    { key: 'deposit', kind: 'money' },
    { key: 'monthlyRent', kind: 'money', optional: true },
    { key: 'contractDate', kind: 'date', initial: today },
    { key: 'propertyKind', kind: 'propertyKind', initial: () => 'housing' },
  ],
  conversion: [
    { key: 'convertedDeposit', kind: 'money' },
    { key: 'date', kind: 'date', initial: today },
    { key: 'baseRate', kind: 'percent', optional: true },
  ],
  'renewal-cap': [
    { key: 'deposit', kind: 'money' },
    { key: 'monthlyRent', kind: 'money', optional: true },
  ],
  'renewal-check': [
    { key: 'deposit', kind: 'money' },
    { key: 'monthlyRent', kind: 'money', optional: true },
    { key: 'newDeposit', kind: 'money' },
    { key: 'newMonthlyRent', kind: 'money', optional: true },
    { key: 'date', kind: 'date', initial: today },
    { key: 'kind', kind: 'choice', optional: true, choices: ['', 'duringLease', 'renewalRight', 'agreedAfterExpiry'], initial: () => '' },
    { key: 'registeredLandlord', kind: 'choice', optional: true, choices: ['', 'true', 'false'], initial: () => '' },
    { key: 'renewalRightUsed', kind: 'choice', optional: true, choices: ['', 'true', 'false'], initial: () => '' },
  ],
  'priority-repayment': [
    { key: 'address', kind: 'text' },
    { key: 'deposit', kind: 'money' },
    { key: 'seniorSecurityDate', kind: 'date', optional: true },
    { key: 'housePrice', kind: 'money', optional: true },
    { key: 'asOf', kind: 'date', initial: today },
    { key: 'auctionRegisteredOn', kind: 'date', optional: true },
    { key: 'moveInDate', kind: 'date', optional: true },
  ],
  hug: [
    { key: 'buildingType', kind: 'buildingType', initial: () => 'multiplex' },
    { key: 'address', kind: 'text' },
    { key: 'deposit', kind: 'money' },
    { key: 'seniorClaims', kind: 'money', optional: true },
    { key: 'marketValue', kind: 'money', optional: true },
    { key: 'marketValueSource', kind: 'choice', optional: true, choices: ['', 'kb', 'reb', 'asking'], initial: () => '' },
    { key: 'officialPrice', kind: 'money', optional: true },
    { key: 'appraisal', kind: 'money', optional: true },
    { key: 'contractDate', kind: 'date', initial: today },
  ],
  ltv: [
    { key: 'deposit', kind: 'money' },
    { key: 'seniorClaims', kind: 'money', optional: true },
    { key: 'seniorDeposits', kind: 'money', optional: true },
    { key: 'marketValue', kind: 'money' },
  ],
  'opposing-power': [
    { key: 'moveInDate', kind: 'date', initial: today },
    { key: 'fixedDate', kind: 'date', optional: true },
  ],
};
const NAMES = Object.keys(SPECS) as CalculatorName[];

/**
 * How each calculator's numbers read: won amounts or rates. Keyed by the typed results, so a
 * renamed or removed result field fails the type-check here instead of printing a bare number.
 */
type NumberFormat = 'amount' | 'rate';
const NUMBER_FORMATS: { [N in CalculatorName]: Partial<Record<keyof CalculatorResults[N], NumberFormat>> } = {
  brokerage: { transactionAmount: 'amount', cap: 'amount', maxFee: 'amount', rate: 'rate' },
  conversion: { maxMonthlyRent: 'amount', annualRate: 'rate', baseRate: 'rate' },
  'renewal-cap': { maxDeposit: 'amount', maxMonthlyRent: 'amount', capFraction: 'rate' },
  'renewal-check': { combinedBefore: 'amount', combinedAfter: 'amount', increase: 'rate', conversionRate: 'rate' },
  'priority-repayment': { threshold: 'amount', amount: 'amount' },
  hug: { housePrice: 'amount', maxDeposit: 'amount' },
  ltv: { ratio: 'rate', jeonseRatio: 'rate' },
  'opposing-power': {},
};

/** The result's rows, in the calculator's own field order, each with how its number reads. */
function resultRows(r: NamedCalculatorResult): { key: string; value: unknown; format?: NumberFormat }[] {
  const formats: Partial<Record<string, NumberFormat>> = NUMBER_FORMATS[r.name];
  return Object.entries(r.result).map(([key, value]) => ({ key, value, format: formats[key] }));
}

function isBilingual(v: unknown): v is Bilingual {
  return !!v && typeof v === 'object' && 'ko' in v && 'en' in v;
}

interface Candidate { regionGroup: string; threshold: number; amount: number; eligible: boolean }
function isCandidate(v: unknown): v is Candidate {
  return !!v && typeof v === 'object' && 'regionGroup' in v && 'threshold' in v;
}

/** A region group the address might fall in: "광역시: 보증금 8,500만원 이하 → 2,800만원". */
function CandidateLine({ c }: { c: Candidate }) {
  const { t } = useTranslation();
  return <>{t('rights.calc.candidate', { group: c.regionGroup, threshold: formatAmountBoth(c.threshold), amount: formatAmountBoth(c.amount) })}</>;
}

function ResultValue({ k, v, format }: { k: string; v: unknown; format?: NumberFormat }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  // A band without a 한도액 has no cap: say so rather than leave a dash.
  if (v === null && k === 'cap') return <>{t('rights.calc.none')}</>;
  if (v === null || v === undefined) return <>—</>;
  if (typeof v === 'boolean') return <>{v ? t('rights.editor.yes') : t('rights.editor.no')}</>;
  if (typeof v === 'number') {
    if (format === 'amount') return <>{formatAmountBoth(v)}</>;
    if (format === 'rate') return <>{`${(v * 100).toFixed(2).replace(/\.?0+$/, '')}%`}</>;
    return <>{v}</>;
  }
  if (typeof v === 'string') return <>{v.includes('T') ? v.replace('T', ' ').replace(/:00(\+09:00)$/, ' $1') : v}</>;
  if (isBilingual(v)) return <>{tr(v)}</>;
  if (Array.isArray(v)) {
    if (v.length === 0) return <>{t('rights.calc.none')}</>;
    return <ul className="plain">{v.map((x, i) => <li key={i}>{isBilingual(x) ? tr(x) : isCandidate(x) ? <CandidateLine c={x} /> : typeof x === 'object' ? Object.values(x as object).filter((y) => typeof y !== 'object').join(' · ') : String(x)}</li>)}</ul>;
  }
  return <>{JSON.stringify(v)}</>;
}

function Calculator({ name }: { name: CalculatorName }) {
  const { t } = useTranslation();
  const specs: FieldSpec[] = SPECS[name];
  const [values, setValues] = useState<Record<string, string | number | null>>(() => Object.fromEntries(specs.map((s) => [s.key, s.initial?.() ?? null])));
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const [result, setResult] = useState<NamedCalculatorResult | null>(null);
  const [pack, setPack] = useState<{ packVersion: string; verifiedOn: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, Bilingual>>({});
  const [lastInput, setLastInput] = useState<Record<string, unknown>>({});

  async function run(e: FormEvent) {
    e.preventDefault();
    const input: Record<string, unknown> = {};
    for (const s of specs) {
      const v = values[s.key];
      if (v === null || v === '') {
        // An optional date like 선순위 담보물권 설정일 means "none" when blank.
        if (s.key === 'seniorSecurityDate' || s.key === 'fixedDate') input[s.key] = null;
        continue;
      }
      input[s.key] = s.kind === 'percent' ? Number(v) / 100 : s.kind === 'choice' && (v === 'true' || v === 'false') ? v === 'true' : v;
    }
    try {
      const r = await api('calc.run', { name, input });
      setErrors({});
      setResult(r);
      setPack(r.pack);
      setLastInput(input);
    } catch (err) {
      setResult(null);
      setErrors(Object.fromEntries(Object.entries(fieldErrors(err)).map(([k, v]) => [k.replace(/^input\./, ''), v])));
    }
  }

  // A result belongs to the inputs it was computed from: any change clears it.
  const set = (k: string, v: string | number | null) => {
    setValues((x) => ({ ...x, [k]: v }));
    setResult(null);
  };
  const note = t(`rights.calc.notes.${name}`, { defaultValue: '' });
  return (
    <form className="card rights-calc" onSubmit={run} data-testid={`calc-${name}`}>
      <h2>{t(`rights.calc.names.${name}`)}</h2>
      {note && <p className="small rights-note">{note}</p>}
      <div className="form-grid">
        {specs.map((s) => (
          <Field key={s.key} label={t(`rights.calc.fields.${s.key}`)} required={!s.optional} error={errors[s.key]}>
            {(id) =>
              s.kind === 'money' ? (
                <MoneyInput id={id} name={s.key} value={values[s.key] as number | null} optional={s.optional}
                  onChange={(m) => { setPending((p) => ({ ...p, [s.key]: m.pending })); set(s.key, m.value); }} />
              ) : s.kind === 'date' ? (
                <input id={id} name={s.key} type="date" value={(values[s.key] as string) ?? ''} onChange={(e) => set(s.key, e.target.value || null)} />
              ) : s.kind === 'percent' ? (
                <input id={id} name={s.key} inputMode="decimal" value={(values[s.key] as string) ?? ''} onChange={(e) => set(s.key, e.target.value.trim() || null)} />
              ) : s.kind === 'propertyKind' ? (
                <select id={id} name={s.key} value={values[s.key] as string} onChange={(e) => set(s.key, e.target.value)}>
                  {['housing', 'officetel'].map((v) => <option key={v} value={v}>{t(`rights.calc.propertyKinds.${v}`)}</option>)}
                </select>
              ) : s.kind === 'choice' ? (
                <select id={id} name={s.key} value={(values[s.key] as string) ?? ''} onChange={(e) => set(s.key, e.target.value || null)}>
                  {s.choices!.map((v) => <option key={v} value={v}>{t(`rights.calc.choices.${s.key}.${v || 'unset'}`)}</option>)}
                </select>
              ) : s.kind === 'buildingType' ? (
                <select id={id} name={s.key} value={values[s.key] as string} onChange={(e) => set(s.key, e.target.value)}>
                  {BUILDING_TYPES.map((v) => <option key={v} value={v}>{t(`enum.buildingType.${v}`)}</option>)}
                </select>
              ) : (
                <input id={id} name={s.key} value={(values[s.key] as string) ?? ''} onChange={(e) => set(s.key, e.target.value || null)} />
              )
            }
          </Field>
        ))}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={Object.values(pending).some(Boolean)}>{t('rights.calc.run')}</button>
      </div>
      {/* A polite live region, present before the result arrives, so the result is read out. */}
      <div aria-live="polite" data-testid="calc-live">
      {result && (
        <div className="rights-calc-result" data-testid="calc-result">
          <h3>{t('rights.calc.result')}</h3>
          <dl className="facts">
            {resultRows(result).map(({ key: k, value: v, format }) => (
              <div key={k} className="rights-calc-row">
                <dt>{t(`rights.calc.out.${k}`, { defaultValue: k })}</dt>
                <dd data-key={k}><ResultValue k={k} v={v} format={format} /></dd>
              </div>
            ))}
          </dl>
          {pack && <p className="muted small" data-testid="calc-pack">{t('rights.calc.pack', { version: pack.packVersion, date: pack.verifiedOn })}</p>}
          <SaveToCase name={name} input={lastInput} />
        </div>
      )}
      </div>
    </form>
  );
}

function BaseRates() {
  const { t } = useTranslation();
  const [rows, setRows] = useState<BaseRateRowView[]>([]);
  const [f, setF] = useState({ effectiveFrom: '', ratePercent: '', note: '' });
  const [errors, setErrors] = useState<Record<string, Bilingual>>({});
  useEffect(() => {
    void api('baseRates.list').then(setRows);
  }, []);
  async function add(e: FormEvent) {
    e.preventDefault();
    try {
      setRows(await api('baseRates.add', { effectiveFrom: f.effectiveFrom, ratePercent: Number(f.ratePercent), note: f.note || undefined }));
      setErrors({});
      setF({ effectiveFrom: '', ratePercent: '', note: '' });
    } catch (err) {
      setErrors(fieldErrors(err));
    }
  }
  const latest = rows[rows.length - 1];
  const mine = rows.filter((r) => r.userAdded);
  return (
    <form className="card rights-calc" onSubmit={add} data-testid="base-rates">
      <h2>{t('rights.calc.baseRates.title')}</h2>
      <p className="small muted">{t('rights.calc.baseRates.hint')}</p>
      {latest && <p className="small">{t('rights.calc.baseRates.latest', { date: latest.effectiveFrom, rate: (latest.rateBp / 100).toFixed(2) })}</p>}
      {mine.length === 0 ? <p className="small muted">{t('rights.calc.baseRates.none')}</p> : (
        <ul className="plain">
          {mine.map((r) => (
            <li key={r.id} className="row">
              <span>{r.effectiveFrom} · {(r.rateBp / 100).toFixed(2)}%{r.note ? ` · ${r.note}` : ''}</span>
              <button type="button" className="link danger-text" onClick={async () => setRows(await api('baseRates.remove', { id: r.id! }))}>{t('rights.calc.baseRates.remove')}</button>
            </li>
          ))}
        </ul>
      )}
      <div className="form-grid">
        <Field label={t('rights.calc.baseRates.effectiveFrom')} required error={errors.effectiveFrom}>
          {(id) => <input id={id} type="date" value={f.effectiveFrom} onChange={(e) => setF({ ...f, effectiveFrom: e.target.value })} />}
        </Field>
        <Field label={t('rights.calc.baseRates.ratePercent')} required error={errors.ratePercent}>
          {(id) => <input id={id} inputMode="decimal" value={f.ratePercent} onChange={(e) => setF({ ...f, ratePercent: e.target.value })} />}
        </Field>
        <Field label={t('rights.calc.baseRates.note')} error={errors.note}>
          {(id) => <input id={id} value={f.note} onChange={(e) => setF({ ...f, note: e.target.value })} />}
        </Field>
      </div>
      <div className="actions"><button type="submit">{t('rights.calc.baseRates.add')}</button></div>
    </form>
  );
}

export function CalculatorsView() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState<CalculatorName>('brokerage');
  return (
    <section className="page rights-calcs">
      <header className="page-head"><h1>{t('rights.calc.title')}</h1></header>
      <p className="muted small">{t('rights.calc.intro')}</p>
      <div className="rights-calc-layout">
        <TabList<CalculatorName>
          base="calc"
          label={t('rights.calc.title')}
          className="rights-calc-nav"
          vertical
          tabs={NAMES.map((n) => ({ key: n, label: t(`rights.calc.names.${n}`) }))}
          current={current}
          onSelect={setCurrent}
          tabClassName={(_k, on) => (on ? 'nav-pill active' : 'nav-pill')}
        />
        <TabPanel base="calc" tab={current}>
          <Calculator key={current} name={current} />
          {(current === 'conversion' || current === 'renewal-check') && <BaseRates />}
        </TabPanel>
      </div>
    </section>
  );
}
