// 보고서 구성: which listings, checklist runs, special clauses (text editable, reason kept) and
// photos go into the 상담 결과 보고서. It starts from the default selection (every listing, the
// latest completed run of each template, the lead listing's clauses, the photos of those runs);
// a group the manager leaves untouched is not sent, so the report keeps the default for it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TenantCompose, TenantComposeOptions } from '../../../../electron/api/viewing-methods.js';
import { api } from '../../api/client.js';

type Group = 'listings' | 'runs' | 'clauses' | 'photos';

export function useTenantCompose(caseId: string | undefined, locale: 'ko' | 'en') {
  const [options, setOptions] = useState<TenantComposeOptions | null>(null);
  const [on, setOn] = useState<Set<string>>(new Set());
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState<Set<Group>>(new Set());
  useEffect(() => {
    setOptions(null);
    setTouched(new Set());
    if (!caseId) return;
    void api('reports.tenantOptions', { caseId, locale }).then((o) => {
      setOptions(o);
      setOn(new Set([...o.listings, ...o.runs, ...o.photos].filter((x) => x.selected).map((x) => x.id).concat(o.clauses.filter((c) => c.selected).map((c) => `clause:${c.key}`))));
      setTexts(Object.fromEntries(o.clauses.map((c) => [c.key, c.text])));
    });
  }, [caseId, locale]);
  const toggle = (group: Group, id: string, value: boolean) => {
    setOn((s) => {
      const n = new Set(s);
      if (value) n.add(id);
      else n.delete(id);
      return n;
    });
    setTouched((t) => new Set(t).add(group));
  };
  const edit = (key: string, text: string) => {
    setTexts((t) => ({ ...t, [key]: text }));
    setTouched((t) => new Set(t).add('clauses'));
  };
  const compose = (): TenantCompose | undefined => {
    if (!options || touched.size === 0) return undefined;
    const c: TenantCompose = {};
    if (touched.has('listings')) c.listingIds = options.listings.filter((l) => on.has(l.id)).map((l) => l.id);
    if (touched.has('runs')) c.runIds = options.runs.filter((r) => on.has(r.id)).map((r) => r.id);
    if (touched.has('photos')) c.photoIds = options.photos.filter((p) => on.has(p.id)).map((p) => p.id);
    if (touched.has('clauses')) c.clauses = options.clauses.filter((x) => on.has(`clause:${x.key}`)).map((x) => ({ key: x.key, text: texts[x.key] ?? x.text, reason: x.reason }));
    return c;
  };
  return { options, on, texts, toggle, edit, compose };
}

export function ReportComposePanel({ state }: { state: ReturnType<typeof useTenantCompose> }) {
  const { t } = useTranslation();
  const { options, on, texts, toggle, edit } = state;
  if (!options) return <p className="muted small">{t('reports.compose.loading')}</p>;
  const box = (group: Group, id: string, label: string, disabled = false) => (
    <label className="compose-check">
      <input type="checkbox" checked={on.has(id)} disabled={disabled} onChange={(e) => toggle(group, id, e.target.checked)} aria-label={label} />
      <span>{label}</span>
    </label>
  );
  return (
    <details className="report-compose" data-testid="report-compose">
      <summary>{t('reports.compose.title')}</summary>
      <p className="muted small">{t('reports.compose.hint')}</p>
      <fieldset>
        <legend>{t('reports.compose.listings')}</legend>
        {options.listings.map((l) => (
          <div key={l.id}>
            {box('listings', l.id, l.title)}
            <ul className="compose-runs">
              {options.runs.filter((r) => r.listingId === l.id).map((r) => (
                <li key={r.id}>
                  {box('runs', r.id, `${r.title} · ${r.completedAt ? t('reports.compose.completed', { at: r.completedAt.slice(0, 16).replace('T', ' ') }) : t('reports.compose.inProgress')} · ${t('reports.compose.answered', { count: r.answered })}`, !on.has(l.id))}
                  {options.photos.filter((p) => p.runId === r.id).length > 0 && (
                    <ul className="compose-photos">
                      {options.photos.filter((p) => p.runId === r.id).map((p) => (
                        <li key={p.id}>{box('photos', p.id, `${t('reports.compose.photo')}: ${p.itemLabel}${p.takenAt ? ` · ${p.takenAt.slice(0, 16).replace('T', ' ')}` : ''}`, !on.has(r.id) || !on.has(l.id))}</li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('reports.compose.clauses')}</legend>
        {options.clauses.length === 0 && <p className="muted small">{t('reports.compose.noClauses')}</p>}
        {options.clauses.map((c, i) => (
          <div key={c.key} className="compose-clause">
            {box('clauses', `clause:${c.key}`, `${t('reports.compose.clause')} ${i + 1}`)}
            <textarea rows={2} value={texts[c.key] ?? c.text} disabled={!on.has(`clause:${c.key}`)} aria-label={`${t('reports.compose.clauseText')} ${i + 1}`} onChange={(e) => edit(c.key, e.target.value)} />
            <p className="muted small">{t('reports.compose.reason')}: {c.reason}</p>
          </div>
        ))}
      </fieldset>
    </details>
  );
}
