// The programmes a client may qualify for (정책 안내): the facts asked in the consultation, the
// catalogue date in use, and each programme's status with its reasons, missing facts and next
// window. Facts are saved only when the client consented to the 'policy' item; otherwise they
// stay in this screen for this consultation.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useApp } from '../../store/app.js';
import { useBilingual, bannerMessage } from '../../components/useBilingual.js';
import type { MatchView, PolicyFactsView } from '../../../../electron/api/policy-methods.js';

type Draft = Record<string, string>;
const NUM = ['age', 'annualIncome', 'householdIncomeShareOfMedian', 'assets', 'householdSize', 'veteranMonths', 'deposit', 'monthlyRent', 'parentsIncomeShareOfMedian', 'parentsAssets'] as const;
const BOOL = ['married', 'householder', 'homeless', 'crisis'] as const;
const TEXT = ['marriedOn', 'region', 'incomeBasis'] as const;

export function draftToFacts(d: Draft): PolicyFactsView {
  const f: Record<string, unknown> = {};
  for (const k of NUM) if (d[k]?.trim()) f[k] = Number(d[k].replace(/[,\s원]/g, ''));
  for (const k of BOOL) if (d[k] === 'yes' || d[k] === 'no') f[k] = d[k] === 'yes';
  for (const k of TEXT) if (d[k]?.trim()) f[k] = d[k].trim();
  return f as PolicyFactsView;
}
function factsToDraft(f: PolicyFactsView | null): Draft {
  const d: Draft = {};
  if (!f) return d;
  for (const [k, v] of Object.entries(f)) d[k] = typeof v === 'boolean' ? (v ? 'yes' : 'no') : typeof v === 'object' ? `${v.sido} ${v.sigungu ?? ''}`.trim() : String(v);
  return d;
}

export function ProgrammeList({ clientId, caseId }: { clientId?: string; caseId?: string }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  const { notify } = useApp();
  const [consented, setConsented] = useState(false);
  const [draft, setDraft] = useState<Draft>({});
  const [result, setResult] = useState<MatchView | null>(null);
  const [pointed, setPointed] = useState<string[]>([]);
  const [error, setError] = useState('');

  useEffect(() => {
    if (!clientId) return;
    void api('policy.facts.get', { clientId }).then((r) => {
      setConsented(r.consented);
      setDraft(factsToDraft(r.facts));
    });
    void api('policy.forClient', { clientId, caseId }).then(setResult);
    if (caseId) void api('stats.case.get', { caseId }).then((s) => setPointed(s?.programmes ?? []));
  }, [clientId, caseId]);

  async function check() {
    setError('');
    try {
      const facts = draftToFacts(draft);
      if (clientId && consented) {
        await api('policy.facts.save', { clientId, facts });
        setResult(await api('policy.forClient', { clientId, caseId }));
        notify({ text: t('policy.saved') });
      } else if (clientId) {
        // Not stored: this consultation's facts, completed with the case's listing on the server side.
        setResult(await api('policy.forClient', { clientId, caseId, facts }));
      } else setResult(await api('policy.match', { facts }));
    } catch (e) {
      setError(tr(bannerMessage(e)));
    }
  }

  async function togglePointed(id: string, on: boolean) {
    if (!caseId) return;
    const next = on ? [...new Set([...pointed, id])] : pointed.filter((x) => x !== id);
    setPointed(next);
    const cur = await api('stats.case.get', { caseId });
    await api('stats.case.save', {
      caseId,
      types: [...new Set([...(cur?.types ?? []), 'policy' as const])],
      movingIntoSeoul: cur?.movingIntoSeoul ?? null,
      listingDistrict: cur?.listingDistrict ?? null,
      verdict: cur?.verdict ?? null,
      survey: cur?.survey ? { on: cur.survey.on, answers: cur.survey.answers } : null,
      programmes: next,
    });
    window.dispatchEvent(new Event('ansim:case-stats'));
    notify({ text: t('policy.pointedSaved') });
  }

  const field = (k: string, kind: 'num' | 'bool' | 'text' | 'basis' | 'date') => (
    <div className="field" key={k}>
      <label htmlFor={`pf-${k}`}>{t(`policy.field.${k}`)}</label>
      {kind === 'bool' ? (
        <select id={`pf-${k}`} value={draft[k] ?? ''} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}>
          <option value="">{t('policy.unknown')}</option>
          <option value="yes">{t('policy.yes')}</option>
          <option value="no">{t('policy.no')}</option>
        </select>
      ) : kind === 'basis' ? (
        <select id={`pf-${k}`} value={draft[k] ?? ''} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}>
          <option value="">{t('policy.unknown')}</option>
          {(['applicant', 'couple', 'parents', 'household'] as const).map((b) => <option key={b} value={b}>{t(`policy.basis.${b}`)}</option>)}
        </select>
      ) : (
        <input id={`pf-${k}`} type={kind === 'date' ? 'date' : 'text'} inputMode={kind === 'num' ? 'numeric' : undefined} value={draft[k] ?? ''} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} />
      )}
    </div>
  );

  return (
    <div className="card policy-list" data-testid="programme-list">
      <header className="page-head">
        <h2>{clientId ? t('policy.forClient') : t('policy.title')}</h2>
      </header>
      {result && (
        <p className="muted small" data-testid="catalogue-date">
          {t('policy.catalogueDate', { date: result.catalogue.effectiveFrom, checked: result.catalogue.checkedOn })}
          {result.medianIncome && ` · ${t('policy.medianDate', { notice: result.medianIncome.notice })}`}
        </p>
      )}
      {clientId && <p className="hint">{consented ? t('policy.consentStored') : t('policy.consentOnly')}</p>}
      <details className="policy-facts" open={!clientId}>
        <summary>{t('policy.facts')}</summary>
        <div className="form-grid">
          {field('age', 'num')}
          {field('householdSize', 'num')}
          {field('annualIncome', 'num')}
          {field('incomeBasis', 'basis')}
          {field('householdIncomeShareOfMedian', 'num')}
          {field('assets', 'num')}
          {field('married', 'bool')}
          {field('marriedOn', 'date')}
          {field('householder', 'bool')}
          {field('veteranMonths', 'num')}
          {field('homeless', 'bool')}
          {field('crisis', 'bool')}
          {!caseId && field('deposit', 'num')}
          {!caseId && field('monthlyRent', 'num')}
          {!caseId && field('region', 'text')}
        </div>
        {caseId && <p className="hint">{t('policy.fromListing')}</p>}
        {error && <p className="error" role="alert">{error}</p>}
        <div className="actions">
          {clientId && consented && <button type="button" onClick={async () => { await api('policy.facts.clear', { clientId }); setDraft({}); setResult(await api('policy.forClient', { clientId, caseId })); }}>{t('policy.clear')}</button>}
          <button type="button" className="primary" onClick={check}>{clientId && consented ? t('policy.save') : t('policy.check')}</button>
        </div>
      </details>
      {result && (
        result.matches.length === 0 ? <p className="muted">{t('policy.none')}</p> : (
          <ul className="programmes">
            {result.matches.map((m) => (
              <li key={m.id} className={`programme status-${m.status}`} data-testid={`programme-${m.id}`}>
                <div className="programme-head">
                  <span className={`badge policy-${m.status}`}>{t(`policy.status.${m.status}`)}</span>
                  <strong>{tr(m.name)}</strong>
                  {caseId && (
                    <label className="pointed">
                      <input type="checkbox" checked={pointed.includes(m.id)} onChange={(e) => void togglePointed(m.id, e.target.checked)} /> {t('policy.pointed')}
                    </label>
                  )}
                </div>
                <ul className="reasons">
                  {m.reasons.map((r, i) => <li key={i}>{tr(r)}</li>)}
                </ul>
                {m.missing.length > 0 && <p className="missing">{t('policy.missing', { facts: m.missing.map((k) => t(`policy.field.${k}`)).join(', ') })}</p>}
                {m.nextWindow && <p className="small">{t('policy.nextWindow', m.nextWindow)} {m.nextWindow.expected && t('policy.expected')}</p>}
                {m.unverified && <p className="small warn-text">{t('policy.unverified')}</p>}
                <details>
                  <summary>{t('policy.benefit')} · {t('policy.apply')}</summary>
                  <dl className="facts small">
                    <dt>{t('policy.target')}</dt><dd>{tr(m.programme.target)}</dd>
                    <dt>{t('policy.benefit')}</dt><dd>{tr(m.programme.benefit)}</dd>
                    <dt>{t('policy.apply')}</dt><dd>{tr(m.programme.apply)}</dd>
                    <dt>{t('policy.where')}</dt><dd>{tr(m.programme.where)}</dd>
                    <dt>{t('policy.contact')}</dt><dd>{m.programme.contact}</dd>
                    <dt>{t('policy.source')}</dt><dd>{m.programme.source.join('; ')}</dd>
                  </dl>
                </details>
              </li>
            ))}
          </ul>
        )
      )}
      <p className="hint">{t('policy.disclaimer')}</p>
    </div>
  );
}

export function PolicyHome() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <header className="page-head"><h1>{t('policy.title')}</h1></header>
      <ProgrammeList />
    </section>
  );
}
