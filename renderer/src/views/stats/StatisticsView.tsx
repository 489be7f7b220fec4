// 통계: the service's figures as the city counts them (명, 사례, 건 with type shares over 건), by
// month, district, manager and the other dimensions, with filters, drill-down to the cases behind
// a bar, the yearly target, exports, and desk → city statistics files. Charts: recharts (SVG).
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api, ApiCallError } from '../../api/client.js';
import { useApp } from '../../store/app.js';
import { AGE_BANDS, GENDERS, SEOUL_DISTRICTS } from '../../../../electron/api/domain.js';
import type { StatsSummaryView } from '../../../../electron/api/stats-methods.js';
import type { DrillRow, GroupRow } from '../../../../electron/api/stats-types.js';
import { useBilingual } from '../../components/useBilingual.js';
import { base64ToBlob, saveBlob } from '../viewings/files.js';
import { ExchangePanel } from './ExchangePanel.js';

const TYPES = ['contract', 'search', 'viewing', 'contract_day', 'policy'] as const;
const TYPE_COLORS = ['#1c54a0', '#2f9a8c', '#d98505', '#9e4d99', '#6f7f2f'];
type Dim = 'month' | 'district' | 'manager' | 'ageBand' | 'gender' | 'residence' | 'listingDistrict' | 'verdict' | 'type';

interface Filter {
  source: 'desk' | 'city';
  from: string;
  to: string;
  district: string;
  managerId: string;
  type: string;
  ageBand: string;
  gender: string;
}

export function StatisticsView() {
  const { t } = useTranslation();
  const tr = useBilingual();
  const { go, notify } = useApp();
  const year = new Date().getFullYear();
  const [f, setF] = useState<Filter>({ source: 'desk', from: `${year}-01-01`, to: `${year}-12-31`, district: '', managerId: '', type: '', ageBand: '', gender: '' });
  const [s, setS] = useState<StatsSummaryView | null>(null);
  const [drill, setDrill] = useState<{ label: string; total: number; rows: DrillRow[] } | null>(null);
  const [programmeNames, setProgrammeNames] = useState<Record<string, string>>({});
  const [targetInput, setTargetInput] = useState('');
  const [month, setMonth] = useState(new Date().toISOString().slice(0, 7));
  const [error, setError] = useState('');

  const filter = useMemo(
    () => ({
      source: f.source,
      from: f.from || undefined,
      to: f.to || undefined,
      districts: f.district ? [f.district as (typeof SEOUL_DISTRICTS)[number]] : undefined,
      managerIds: f.managerId ? [f.managerId] : undefined,
      types: f.type ? [f.type as (typeof TYPES)[number]] : undefined,
      ageBands: f.ageBand ? [f.ageBand as (typeof AGE_BANDS)[number]] : undefined,
      genders: f.gender ? [f.gender as (typeof GENDERS)[number]] : undefined,
    }),
    [f],
  );

  async function load() {
    setError('');
    try {
      setS(await api('stats.summary', { filter }));
    } catch (e) {
      setError(e instanceof ApiCallError ? tr(e.body.message) : String(e));
    }
  }
  useEffect(() => {
    void load();
    setDrill(null);
  }, [filter]);
  useEffect(() => {
    void api('policy.catalogue', {}).then((c) => setProgrammeNames(Object.fromEntries(c.programmes.map((p) => [p.id, tr(p.name)]))));
  }, []);

  const managerName = (id: string | null) => (id ? (s?.managers.find((m) => m.id === id)?.name ?? '–') : t('stats.unknown'));
  const keyLabel = (dim: Dim, key: string | null): string => {
    if (key === null) return t('stats.unknown');
    if (dim === 'manager') return managerName(key);
    if (dim === 'ageBand') return t(`enum.ageBand.${key}`);
    if (dim === 'gender') return t(`enum.gender.${key}`);
    if (dim === 'verdict') return t(`stats.verdict.${key}`);
    if (dim === 'type') return t(`stats.types.${key}`);
    return key;
  };

  async function openDrill(dim: Dim, key: string | null) {
    const r = await api('stats.drill', { filter, dimension: dim, key, limit: 500 });
    setDrill({ label: keyLabel(dim, key), total: r.total, rows: r.rows });
  }

  async function download(format: 'xlsx' | 'csv') {
    const r = await api('stats.export', { filter, format });
    saveBlob(base64ToBlob(r.dataBase64, r.mime), r.fileName);
  }
  async function monthly() {
    const r = await api('stats.monthlyReport', { month, source: f.source });
    saveBlob(base64ToBlob(r.dataBase64, r.mime), r.fileName);
  }
  async function saveTarget() {
    setError('');
    try {
      await api('stats.target.set', { year: Number((f.to || f.from || String(year)).slice(0, 4)), cases: Number(targetInput) });
      notify({ text: t('stats.targetSaved') });
      setTargetInput('');
      await load();
    } catch (e) {
      setError(e instanceof ApiCallError ? tr(e.body.message) : String(e));
    }
  }

  const byGroup = (rows: GroupRow[], dim: Dim, measure: 'cases' | 'people' = 'cases') => rows.map((r) => ({ key: r.key, name: keyLabel(dim, r.key), value: r[measure] }));
  const chart = (title: string, data: { key: string | null; name: string; value: number }[], dim: Dim, unit: (n: number) => string, testId: string) => (
    <figure className="card stats-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      {data.length === 0 ? <p className="muted">–</p> : (
        <ResponsiveContainer width="100%" height={Math.max(120, data.length * 26 + 40)}>
          <BarChart data={data} layout="vertical" margin={{ left: 16, right: 40 }}>
            <CartesianGrid horizontal={false} stroke="#e3e6ea" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={110} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(v) => unit(Number(v))} />
            <Bar dataKey="value" name={title} fill="#1c54a0" isAnimationActive={false} cursor="pointer" label={{ position: 'right', fontSize: 11 }}
              onClick={(d: { payload?: { key: string | null } }) => void openDrill(dim, d.payload?.key ?? null)} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </figure>
  );

  const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);
  const set = (patch: Partial<Filter>) => setF({ ...f, ...patch });
  const targetYear = Number((f.to || f.from || String(year)).slice(0, 4));

  return (
    <section className="page stats-page">
      <header className="page-head">
        <h1>{t('stats.title')}</h1>
        <div className="row no-print">
          <button type="button" onClick={() => void download('xlsx')}>{t('stats.xlsx')}</button>
          <button type="button" onClick={() => void download('csv')}>{t('stats.csv')}</button>
          <label className="inline">{t('stats.month')} <input type="month" value={month} onChange={(e) => setMonth(e.target.value)} /></label>
          <button type="button" onClick={() => void monthly()}>{t('stats.monthly')}</button>
          <button type="button" onClick={() => window.print()}>{t('stats.print')}</button>
        </div>
      </header>
      <div className="filters card" role="search">
        <label>{t('stats.sourceLabel')}
          <select value={f.source} onChange={(e) => set({ source: e.target.value as 'desk' | 'city' })}>
            <option value="desk">{t('stats.source.desk')}</option>
            <option value="city">{t('stats.source.city')}</option>
          </select>
        </label>
        <label>{t('stats.from')}<input type="date" value={f.from} onChange={(e) => set({ from: e.target.value })} /></label>
        <label>{t('stats.to')}<input type="date" value={f.to} onChange={(e) => set({ to: e.target.value })} /></label>
        <label>{t('stats.district')}
          <select value={f.district} onChange={(e) => set({ district: e.target.value })}>
            <option value="">{t('stats.all')}</option>
            {SEOUL_DISTRICTS.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </label>
        {f.source === 'desk' && (
          <label>{t('stats.manager')}
            <select value={f.managerId} onChange={(e) => set({ managerId: e.target.value })}>
              <option value="">{t('stats.all')}</option>
              {s?.managers.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
            </select>
          </label>
        )}
        <label>{t('stats.type')}
          <select value={f.type} onChange={(e) => set({ type: e.target.value })}>
            <option value="">{t('stats.all')}</option>
            {TYPES.map((ty) => <option key={ty} value={ty}>{t(`stats.types.${ty}`)}</option>)}
          </select>
        </label>
        <label>{t('stats.ageBand')}
          <select value={f.ageBand} onChange={(e) => set({ ageBand: e.target.value })}>
            <option value="">{t('stats.all')}</option>
            {AGE_BANDS.map((a) => <option key={a} value={a}>{t(`enum.ageBand.${a}`)}</option>)}
          </select>
        </label>
        <label>{t('stats.gender')}
          <select value={f.gender} onChange={(e) => set({ gender: e.target.value })}>
            <option value="">{t('stats.all')}</option>
            {GENDERS.map((g) => <option key={g} value={g}>{t(`enum.gender.${g}`)}</option>)}
          </select>
        </label>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {!s ? <p className="muted">{t('stats.loading')}</p> : (
        <>
          <div className="stats-kpis" data-testid="stats-kpis">
            <div className="card kpi"><div className="muted small">{t('stats.people')}</div><div className="kpi-value">{t('stats.peopleUnit', { n: s.totals.people.toLocaleString() })}</div></div>
            <div className="card kpi"><div className="muted small">{t('stats.cases')}</div><div className="kpi-value">{t('stats.casesUnit', { n: s.totals.cases.toLocaleString() })}</div></div>
            <div className="card kpi"><div className="muted small">{t('stats.consultations')}</div><div className="kpi-value">{t('stats.consultUnit', { n: s.totals.consultations.toLocaleString() })}</div></div>
            <div className="card kpi target" data-testid="stats-target">
              <div className="muted small">{t('stats.target', { year: targetYear })}</div>
              {s.target ? (
                <>
                  <div className="kpi-value">{t('stats.targetProgress', { done: s.target.doneCases.toLocaleString(), target: s.target.cases.toLocaleString(), pct: pct(s.target.doneCases / s.target.cases) })}</div>
                  <progress max={s.target.cases} value={Math.min(s.target.cases, s.target.doneCases)} aria-label={t('stats.target', { year: targetYear })} />
                </>
              ) : <div className="muted">{t('stats.targetNone', { year: targetYear })}</div>}
              <div className="row no-print">
                <input aria-label={t('stats.targetCases')} placeholder={t('stats.targetCases')} inputMode="numeric" value={targetInput} onChange={(e) => setTargetInput(e.target.value)} />
                <button type="button" onClick={() => void saveTarget()} disabled={!targetInput}>{t('stats.setTarget')}</button>
              </div>
            </div>
          </div>
          <p className="muted">{t('stats.extra', { moving: s.movingIntoSeoul, viewings: s.viewingsHeld, checklists: s.checklistsCompleted })}</p>
          <p className="hint no-print">{t('stats.drillHint')}</p>

          <figure className="card stats-chart wide" data-testid="chart-month">
            <figcaption>{t('stats.byMonth')}</figcaption>
            <ResponsiveContainer width="100%" height={260}>
              <BarChart data={s.byMonth.map((m) => ({ key: m.key, name: m.key, ...Object.fromEntries(TYPES.map((ty) => [ty, m.types[ty]])) }))}>
                <CartesianGrid vertical={false} stroke="#e3e6ea" />
                <XAxis dataKey="name" tick={{ fontSize: 11 }} />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                {TYPES.map((ty, i) => (
                  <Bar key={ty} dataKey={ty} name={t(`stats.types.${ty}`)} stackId="t" fill={TYPE_COLORS[i]} isAnimationActive={false} cursor="pointer"
                    onClick={(d: { payload?: { key: string | null } }) => void openDrill('month', d.payload?.key ?? null)} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </figure>

          <div className="stats-grid">
            {chart(t('stats.byType'), TYPES.map((ty) => ({ key: ty, name: `${t(`stats.types.${ty}`)} ${pct(s.totals.consultations ? s.totals.types[ty] / s.totals.consultations : null)}`, value: s.totals.types[ty] })), 'type', (n) => t('stats.consultUnit', { n }), 'chart-type')}
            {chart(t('stats.byDistrict'), byGroup(s.byDistrict, 'district'), 'district', (n) => t('stats.casesUnit', { n }), 'chart-district')}
            {f.source === 'desk' && chart(t('stats.byManager'), byGroup(s.byManager, 'manager'), 'manager', (n) => t('stats.casesUnit', { n }), 'chart-manager')}
            {chart(t('stats.byAge'), byGroup(s.byAgeBand, 'ageBand', 'people'), 'ageBand', (n) => t('stats.peopleUnit', { n }), 'chart-age')}
            {chart(t('stats.byGender'), byGroup(s.byGender, 'gender', 'people'), 'gender', (n) => t('stats.peopleUnit', { n }), 'chart-gender')}
            {chart(t('stats.byResidence'), byGroup(s.byResidence, 'residence'), 'residence', (n) => t('stats.casesUnit', { n }), 'chart-residence')}
            {chart(t('stats.byListing'), byGroup(s.byListingDistrict, 'listingDistrict'), 'listingDistrict', (n) => t('stats.casesUnit', { n }), 'chart-listing')}
            {chart(t('stats.byVerdict'), byGroup(s.byVerdict, 'verdict'), 'verdict', (n) => t('stats.casesUnit', { n }), 'chart-verdict')}
            <div className="card">
              <h2>{t('stats.programmes')}</h2>
              <table className="table"><tbody>
                {s.programmes.map((p) => <tr key={p.id}><td>{programmeNames[p.id] ?? p.id}</td><td className="num">{p.cases}</td></tr>)}
              </tbody></table>
            </div>
            <div className="card" data-testid="stats-survey">
              <h2>{t('stats.survey')}</h2>
              <p className="muted small">{t('stats.respondents', { n: s.survey.respondents })}</p>
              <table className="table">
                <thead><tr><th>{t('stats.item')}</th><th>{t('stats.answers')}</th><th>{t('stats.satisfied')}</th><th>{t('stats.mean')}</th></tr></thead>
                <tbody>
                  {(['solved', 'expertise', 'kindness', 'convenience', 'recommend'] as const).map((it) => (
                    <tr key={it}><td>{t(`stats.surveyItem.${it}`)}</td><td className="num">{s.survey.items[it].answers}</td><td className="num">{pct(s.survey.items[it].satisfiedShare)}</td><td className="num">{s.survey.items[it].mean?.toFixed(2) ?? '–'}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>

          {drill && (
            <div className="card drill" data-testid="stats-drill" role="region" aria-label={t('stats.drill', { label: drill.label, n: drill.total })}>
              <header className="page-head">
                <h2>{t('stats.drill', { label: drill.label, n: drill.total })}</h2>
                <button type="button" onClick={() => setDrill(null)}>{t('stats.drillClose')}</button>
              </header>
              <table className="table">
                <tbody>
                  {drill.rows.map((r) => (
                    <tr key={r.id}>
                      <td>{r.openedOn}</td>
                      <td>{r.district ?? '–'}</td>
                      <td>{f.source === 'desk' ? managerName(r.managerId) : ''}</td>
                      <td>{r.types.map((ty) => t(`stats.types.${ty}`)).join(', ')}</td>
                      <td>{r.ageBand ? t(`enum.ageBand.${r.ageBand}`) : ''}</td>
                      <td>{f.source === 'desk' && <button type="button" onClick={() => go({ name: 'case', id: r.id })}>{t('stats.openCase')}</button>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="hint">{t('stats.note')}</p>
        </>
      )}
      <ExchangePanel from={f.from} to={f.to} onImported={() => void load()} />
    </section>
  );
}
