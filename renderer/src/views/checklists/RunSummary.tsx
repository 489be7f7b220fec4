// The summary of a run: the verdict (안전/주의/위험, 미완료 while incomplete), the counts, the
// answers that drove it (위험 first), each section's tally, and what is still missing.
import { useTranslation } from 'react-i18next';
import type { RunScore } from '../../../../checklists/engine/run.js';
import type { ChecklistRunDetail } from '../../../../electron/api/checklist-methods.js';
import { useBilingual } from '../../components/useBilingual.js';
import { ProgressBar, VerdictBadge } from './common.js';
import { RunAmendments } from './RunAmendments.js';

export function RunSummary({ d, sc, onJump, onAmended }: { d: ChecklistRunDetail; sc: RunScore; onJump(itemId: string): void; onAmended?(r: ChecklistRunDetail): void }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  const o = sc.overall;
  return (
    <div className="cl-summary" data-testid="summary">
      <div className="card cl-summary-head">
        <span className="muted small">{t('checklists.summaryVerdict')}</span>
        <VerdictBadge tally={o} large />
        <div data-testid="summary-counts">{t('checklists.counts', { danger: o.danger, caution: o.caution, answered: o.answered, visible: o.visible })}</div>
      </div>
      <div className="card">
        <h2>{t('checklists.drivers')}</h2>
        {sc.drivers.length === 0 ? <p className="muted">{t('checklists.noProblems')}</p> : (
          <ol className="cl-drivers" data-testid="drivers">
            {sc.drivers.map((x) => (
              <li key={x.itemId}>
                <span className={`badge sev-${x.severity}`}>{t(`checklists.severity.${x.severity}`)}</span>{' '}
                <button type="button" className="link" onClick={() => onJump(x.itemId)}>{tr(x.prompt)}</button> — <strong>{tr(x.answer)}</strong>
                {x.reference && <div className="muted small">{t('checklists.reference', { ref: x.reference })}</div>}
              </li>
            ))}
          </ol>
        )}
      </div>
      <div className="card">
        <h2>{t('checklists.sections')}</h2>
        <table className="cl-section-table">
          <tbody>
            {sc.sections.filter((s) => s.visible > 0).map((s) => (
              <tr key={s.sectionId}>
                <th scope="row">{tr(s.title)}</th>
                <td><ProgressBar share={s.answeredShare} label={t('checklists.progress', { answered: s.answered, visible: s.visible })} /></td>
                <td className="small">{t('checklists.counts', { danger: s.danger, caution: s.caution, answered: s.answered, visible: s.visible })}</td>
                <td><VerdictBadge tally={s} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sc.missing.length > 0 && d.run.status === 'open' && (
        <div className="card warn">
          <h2>{t('checklists.missingTitle')} ({sc.missing.length})</h2>
          <ul className="cl-missing">
            {sc.missing.map((m) => (
              <li key={`${m.itemId}-${m.kind}`}><button type="button" className="link" onClick={() => onJump(m.itemId)}>{tr(m.message)}</button></li>
            ))}
          </ul>
        </div>
      )}
      {d.run.status === 'completed' && onAmended && <RunAmendments d={d} onAmended={onAmended} />}
    </div>
  );
}
