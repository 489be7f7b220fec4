// The 체크리스트 screen from the navigation: runs across every case, most recently worked on first.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistRunView, ChecklistTemplateView } from '../../../../electron/api/checklist-methods.js';
import { api, ApiCallError } from '../../api/client.js';
import { useApi } from '../../api/useLoad.js';
import { LoadStatus } from '../../components/LoadStatus.js';
import { useApp } from '../../store/app.js';
import { useBilingual } from '../../components/useBilingual.js';
import { ProgressBar, useWhen, VerdictBadge } from './common.js';

export function RunRows({ runs }: { runs: ChecklistRunView[] }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  const when = useWhen();
  const { go } = useApp();
  return (
    <ul className="cl-runs" data-testid="checklist-runs">
      {runs.map((r) => (
        <li key={r.id}>
          <button type="button" className="cl-run-row" onClick={() => go({ name: 'checklistRun', id: r.id })}>
            <span className="grow">
              <strong>{tr(r.title)}</strong> <span className="muted small">{t('checklists.version', { v: r.templateVersion })}</span>
              {r.isDemo && <span className="badge demo">{t('app.demoBadge')}</span>}
              <span className={`badge ${r.status === 'completed' ? 'status-completed' : 'status-in_progress'}`}>
                {t(r.status === 'completed' ? 'checklists.statusCompleted' : 'checklists.statusOpen')}
              </span>
              <br />
              <span className="muted small">{r.address} · {when(r.updatedAt)}</span>
            </span>
            <ProgressBar share={r.verdict.answeredShare} label={t('checklists.progress', { answered: r.verdict.answered, visible: r.verdict.visible })} />
            <VerdictBadge tally={r.verdict} />
          </button>
        </li>
      ))}
    </ul>
  );
}

export function ChecklistsHome() {
  const { t } = useTranslation();
  const list = useApi('checklists.runs.list', {});
  const runs = list.data;
  return (
    <section className="page">
      <header className="page-head"><h1>{t('checklists.allRuns')}</h1></header>
      {!runs || list.error ? <LoadStatus state={list} /> : runs.length === 0 ? <p className="muted">{t('checklists.noRuns')}</p> : <RunRows runs={runs} />}
      <TemplateFiles />
    </section>
  );
}

/** The installed templates, and adding a district's own from a file (validated by the backend). */
function TemplateFiles() {
  const { t } = useTranslation();
  const tr = useBilingual();
  const { notify } = useApp();
  const input = useRef<HTMLInputElement>(null);
  const [templates, setTemplates] = useState<ChecklistTemplateView[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  useEffect(() => {
    void api('checklists.templates.list', {}).then(setTemplates);
  }, []);
  async function add(file: File) {
    setProblems([]);
    try {
      const v = await api('checklists.templates.add', { json: await file.text() });
      notify({ text: t('checklists.templateAdded', { title: tr(v.title), v: v.version }) });
      setTemplates(await api('checklists.templates.list', {}));
    } catch (e) {
      setProblems(e instanceof ApiCallError ? (e.body.fields?.map((f) => tr(f.message)) ?? [tr(e.body.message)]) : [String(e)]);
    }
  }
  return (
    <div className="card cl-templates">
      <h2>{t('checklists.templates')}</h2>
      <ul>
        {templates.map((tp) => (
          <li key={tp.id}>
            <strong>{tr(tp.title)}</strong> <span className="muted small">{tp.id} · {t('checklists.version', { v: tp.version })} · {t('checklists.items', { n: tp.items })} · {t(tp.source === 'custom' ? 'checklists.custom' : 'checklists.builtIn')}</span>
          </li>
        ))}
      </ul>
      <p className="muted small">{t('checklists.addTemplateHint')}</p>
      <button type="button" onClick={() => input.current?.click()}>{t('checklists.addTemplate')}</button>
      <input ref={input} type="file" hidden accept=".json,application/json" data-testid="template-input" onChange={(e) => {
        const f = e.target.files?.[0];
        e.target.value = '';
        if (f) void add(f);
      }} />
      {problems.length > 0 && (
        <div className="error" role="alert">
          {t('checklists.templateRefused')}
          <ul>{problems.map((p, i) => <li key={i}>{p}</li>)}</ul>
        </div>
      )}
    </div>
  );
}
