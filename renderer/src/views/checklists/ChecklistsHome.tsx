// The 체크리스트 screen from the navigation: runs across every case, most recently worked on first.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistRunView } from '../../../../electron/api/checklist-methods.js';
import { api } from '../../api/client.js';
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
  const [runs, setRuns] = useState<ChecklistRunView[] | null>(null);
  useEffect(() => {
    let live = true;
    void api('checklists.runs.list', {}).then((r) => live && setRuns(r));
    return () => {
      live = false;
    };
  }, []);
  return (
    <section className="page">
      <header className="page-head"><h1>{t('checklists.allRuns')}</h1></header>
      {!runs ? <p className="muted">{t('common.loading')}</p> : runs.length === 0 ? <p className="muted">{t('checklists.noRuns')}</p> : <RunRows runs={runs} />}
    </section>
  );
}
