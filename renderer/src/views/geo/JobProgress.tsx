// A job's progress bar with its phase and a cancel button.
import { useTranslation } from 'react-i18next';
import type { JobView } from '../../../../electron/api/jobs-methods.js';
import { useBilingual } from '../../components/useBilingual.js';

export function JobProgress({ job, onCancel, label }: { job: JobView; onCancel(): void; label: string }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  const pct = job.total > 0 ? Math.round((100 * job.done) / job.total) : undefined;
  return (
    <div className="job-progress" role="status" aria-live="polite">
      <div className="row">
        <span>{label} — {t(`geo.phase.${job.phase}`, { defaultValue: job.phase })}{pct !== undefined ? ` ${pct}%` : ''}</span>
        {job.state === 'running' && <button type="button" onClick={onCancel}>{t('geo.run.cancel')}</button>}
      </div>
      <progress max={job.total || undefined} value={job.total ? job.done : undefined} aria-label={label} />
      {job.state === 'cancelled' && <p className="muted small">{t('geo.run.cancelled')}</p>}
      {job.state === 'failed' && job.error && <p className="error" role="alert">{tr(job.error.message)}</p>}
    </div>
  );
}
