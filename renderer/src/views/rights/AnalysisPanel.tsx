// The live analysis beside the registry form: verdict, flags worst first (each opens to its reason
// and basis), the seniority ladder with the tenant's place, 부채비율 and 전세가율 apart,
// 최우선변제 per 담보권자, HUG, proposed 특약 with a copy button, the dated steps and warnings.
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { RightsAnalysisView } from '../../../../electron/api/rights-methods.js';
import { formatAmountBoth, formatKoreanAmount } from '../../../../checklists/common/money.js';
import { useBilingual } from '../../components/useBilingual.js';
import { useApp } from '../../store/app.js';

const pct = (x: number | null | undefined) => (x == null ? '—' : `${(x * 100).toFixed(1)}%`);
const won = (x: number | null | undefined) => (x == null ? '—' : formatKoreanAmount(x));

function Flags({ a }: { a: RightsAnalysisView }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  return (
    <section className="card rights-flags">
      <h2>{t('rights.analysis.flags')}</h2>
      <ul className="plain" data-testid="rights-flags">
        {a.flags.map((f, i) => (
          <li key={i} className={`rights-flag ${f.severity}`} data-code={f.code}>
            <details open={f.severity === 'danger'}>
              <summary>
                <span className={`rights-sev ${f.severity}`}>{tr(f.severityLabel)}</span>
                <strong>{f.code}</strong> {t(`rights.rules.${f.code}`)}
                {f.unverified && <span className="rights-unverified" title={t('rights.analysis.unverified')}> ⚠</span>}
                <span className="rights-flag-preview">{tr(f.message)}</span>
              </summary>
              <p className="rights-reason">{tr(f.message)}</p>
              <p className="small muted">{t('rights.analysis.basis')}: {tr(f.basis)}</p>
              {f.entries?.length ? <p className="small muted">{t('rights.analysis.entries')}: {f.entries.join(', ')}</p> : null}
              {f.missing?.length ? <p className="small rights-missing">{t('rights.analysis.missing')}: {f.missing.join(', ')}</p> : null}
              {f.unverified && <p className="small rights-unverified">{t('rights.analysis.unverified')}</p>}
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Ladder({ a }: { a: RightsAnalysisView }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  const { entries, tenantIndex, tenant } = a.ladder;
  const tenantRung = (
    <li className="rights-rung tenant" data-testid="rights-tenant-rung">
      <strong>{t('rights.analysis.tenant')}</strong>
      <span className="small">{tr(tenant.note)}</span>
    </li>
  );
  return (
    <section className="card">
      <h2>{t('rights.analysis.ladder')}</h2>
      <ol className="rights-ladder" data-testid="rights-ladder">
        {entries.map((e, i) => (
          <Fragment key={`${e.gu}-${e.rank}-${i}`}>
            {i === tenantIndex && tenantRung}
            <li className={`rights-rung ${e.cancelled || e.kind === 'cancellation' ? 'gone' : e.position ?? ''}`}>
              <span className="rights-rung-ref">{e.gu} {e.rank}</span>
              <span>{tr(e.kindLabel)} <span className="muted small">({e.purpose})</span></span>
              <span className="small">{e.receivedAt}{e.receiptNo ? ` · ${e.receiptNo}` : ''}</span>
              {e.holders.length > 0 && <span className="small">{e.holders.join(', ')}</span>}
              {e.maxClaim != null && <span className="small"><strong>{formatKoreanAmount(e.maxClaim)}</strong></span>}
              <span className="small muted">
                {e.cancelled ? t('rights.analysis.cancelledEntry') : e.position ? t(`rights.analysis.${e.position}`) : ''}
              </span>
            </li>
          </Fragment>
        ))}
        {tenantIndex >= entries.length && tenantRung}
      </ol>
    </section>
  );
}

function Ratios({ a }: { a: RightsAnalysisView }) {
  const { t } = useTranslation();
  const l = a.ltv;
  return (
    <section className="rights-ratios">
      <div className="card rights-stat" data-testid="rights-debt-ratio">
        <div className="small muted">{t('rights.analysis.debtRatio')}</div>
        <div className="rights-big">{pct(l.ratio)} {l.band && <span className={`rights-band band-${l.band}`}>{l.band}</span>}</div>
        <div className="small muted">{t('rights.analysis.debtRatioHint')}</div>
        {l.ratio === null && <div className="small rights-missing">{t('rights.analysis.unknownRatio')}</div>}
        {l.marketValueEstimated && <div className="small rights-unverified">{t('rights.analysis.estimated')}</div>}
      </div>
      <div className="card rights-stat" data-testid="rights-jeonse-ratio">
        <div className="small muted">{t('rights.analysis.jeonseRatio')}</div>
        <div className="rights-big">{pct(l.jeonseRatio)}</div>
        <div className="small muted">{t('rights.analysis.jeonseRatioHint')}</div>
      </div>
    </section>
  );
}

function Priority({ a }: { a: RightsAnalysisView }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  const yn = (v: boolean | null) => (v === null ? '?' : v ? t('rights.editor.yes') : t('rights.editor.no'));
  return (
    <section className="card">
      <h2>{t('rights.analysis.priority')}</h2>
      <table className="table" data-testid="rights-priority">
        <thead>
          <tr>
            <th>{t('rights.analysis.holder')}</th><th>{t('rights.analysis.table')}</th><th>{t('rights.analysis.region')}</th>
            <th className="num">{t('rights.analysis.threshold')}</th><th>{t('rights.analysis.eligible')}</th><th className="num">{t('rights.analysis.priorityAmount')}</th>
          </tr>
        </thead>
        <tbody>
          {a.priorityRepayment.map((p, i) => (
            <tr key={i}>
              <td>{p.entry ? `${p.entry} ${p.holder ?? ''}` : t('rights.analysis.noSecurity')}{p.securityDate && <div className="small muted">{p.securityDate}</div>}</td>
              <td>{p.tableEffectiveFrom ?? '—'}{p.unverified && <span className="rights-unverified" title={t('rights.analysis.unverified')}> ⚠</span>}</td>
              <td>{p.regionGroup ?? '—'}</td>
              <td className="num">{won(p.threshold)}</td>
              <td>{yn(p.eligible)}</td>
              <td className="num">{won(p.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {a.priorityRepayment[0]?.resolution && <p className="small" data-testid="rights-address-resolution">{tr(a.priorityRepayment[0].resolution)}</p>}
      {a.priorityRepayment.flatMap((p) => p.notes).map((n, i) => <p key={i} className="small muted">{tr(n)}</p>)}
      {a.pack && <p className="small muted">{t('rights.calc.pack', { version: a.pack.packVersion, date: a.pack.verifiedOn })}</p>}
    </section>
  );
}

function Hug({ a }: { a: RightsAnalysisView }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  const h = a.hug;
  const label = h.eligible === null ? t('rights.analysis.hugUnknown') : h.eligible ? t('rights.analysis.hugEligible') : t('rights.analysis.hugNotEligible');
  return (
    <section className="card" data-testid="rights-hug">
      <h2>{t('rights.analysis.hug')}</h2>
      <p>
        <span className={`rights-sev ${h.eligible === null ? 'caution' : h.eligible ? 'ok' : 'danger'}`}>{label}</span>
        {h.unverified && <span className="rights-unverified" title={t('rights.analysis.unverified')}> ⚠</span>}
      </p>
      <dl className="facts">
        <dt>{t('rights.analysis.housePrice')}</dt><dd>{h.housePrice == null ? '—' : formatAmountBoth(h.housePrice)}</dd>
        <dt>{t('rights.analysis.maxDeposit')}</dt><dd>{h.maxDeposit == null ? '—' : formatAmountBoth(h.maxDeposit)}</dd>
      </dl>
      <ul className="small">{h.reasons.map((r, i) => <li key={i}>{tr(r)}</li>)}</ul>
    </section>
  );
}

function Clauses({ a }: { a: RightsAnalysisView }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  const { notify } = useApp();
  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // No clipboard permission (plain browser): fall back to a hidden textarea.
      const ta = document.createElement('textarea');
      ta.value = text;
      document.body.appendChild(ta);
      ta.select();
      document.execCommand('copy');
      ta.remove();
    }
    notify({ text: t('rights.analysis.copied') });
  }
  return (
    <section className="card">
      <h2>{t('rights.analysis.clauses')}</h2>
      <ol className="rights-clauses" data-testid="rights-clauses">
        {a.clauses.map((c) => (
          <li key={c.id} data-clause={c.id}>
            <p className="rights-clause-text">{tr(c.text)}</p>
            <p className="small muted">{t('rights.analysis.reason')}: {tr(c.reason)} · {c.origin === 'standardForm' ? t('rights.analysis.originStandard') : t('rights.analysis.originPractice')}</p>
            <button type="button" onClick={() => copy(tr(c.text))}>{t('rights.analysis.copy')}</button>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Steps({ a }: { a: RightsAnalysisView }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  return (
    <section className="card">
      <h2>{t('rights.analysis.steps')}</h2>
      <ol className="rights-steps" data-testid="rights-steps">
        {a.steps.map((s) => (
          <li key={s.key}>
            <span className="rights-step-date">{s.date ?? t('rights.analysis.undated')}{s.deadline && s.date ? ` (${t('rights.analysis.deadline')})` : ''}</span>
            <div><strong>{tr(s.title)}</strong><div className="small">{tr(s.detail)}</div>{s.basis && <div className="small muted">{s.basis}</div>}</div>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function AnalysisPanel({ a }: { a: RightsAnalysisView }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  return (
    <div className="rights-analysis">
      <div className={`rights-verdict ${a.verdict}`} data-testid="rights-verdict">
        <span className="small">{t('rights.analysis.verdict')}</span>
        <strong>{tr(a.verdictLabel)}</strong>
        <span className="small">{a.asOf}</span>
      </div>
      {a.warnings.length > 0 && (
        <section className="card warn" data-testid="rights-warnings">
          <h2>{t('rights.analysis.warnings')}</h2>
          <ul>{a.warnings.map((w, i) => <li key={i}>{tr(w)}</li>)}</ul>
        </section>
      )}
      <Flags a={a} />
      <Ratios a={a} />
      <Ladder a={a} />
      <Priority a={a} />
      <Hug a={a} />
      <Clauses a={a} />
      <Steps a={a} />
      <p className="rights-disclaimer small" data-testid="rights-disclaimer">{tr(a.disclaimer)}</p>
    </div>
  );
}
