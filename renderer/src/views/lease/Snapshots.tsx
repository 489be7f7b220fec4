// A listing's dated registry readings (immutable; a correction is a new reading) and the
// comparison of the latest two: added, cancelled, changed, owner, verdict before → after.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotDiffView, SnapshotView } from '../../../../electron/api/lease-methods.js';
import { api } from '../../api/client.js';
import { useBilingual } from '../../components/useBilingual.js';

type Stage = SnapshotView['stage'];
const STAGES: Stage[] = ['consultation', 'contract', 'balance', 'other'];

export function SnapshotsPanel({ listingId, onChange }: { listingId: string; onChange(): void }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  const [list, setList] = useState<SnapshotView[] | null>(null);
  const [stage, setStage] = useState<Stage>('consultation');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api('snapshots.list', { listingId }).then(setList);
  }, [listingId]);
  async function take(supersedes?: string, s: Stage = stage, takenOn?: string) {
    try {
      setList(await api('snapshots.take', { listingId, stage: s, ...(supersedes ? { supersedes, takenOn } : {}) }));
      setError(null);
      onChange();
    } catch (e) {
      setError(e instanceof Error && 'body' in e ? tr((e as unknown as { body: { message: { ko: string; en: string } } }).body.message) : String(e));
    }
  }
  return (
    <section className="lease-snapshots" aria-labelledby={`snap-${listingId}`}>
      <h3 id={`snap-${listingId}`}>{t('lease.snapshots.heading')}</h3>
      {!list ? <p className="muted">{t('common.loading')}</p> : list.length === 0 ? <p className="muted">{t('lease.snapshots.none')}</p> : (
        <table className="table">
          <thead><tr><th>{t('lease.snapshots.takenOn')}</th><th>{t('lease.snapshots.stage')}</th><th /><th /></tr></thead>
          <tbody>
            {list.map((s) => (
              <tr key={s.id} className={s.supersededBy ? 'muted' : ''}>
                <td>{s.takenOn}</td>
                <td>{t(`lease.snapshots.stages.${s.stage}`)}{s.supersedes && ` · ${t('lease.snapshots.correction')}`}</td>
                <td>{t('lease.snapshots.entries', { n: s.entries })}{s.supersededBy && <span className="badge">{t('lease.snapshots.corrected')}</span>}</td>
                <td>{!s.supersededBy && <button type="button" className="link" onClick={() => void take(s.id, s.stage, s.takenOn)}>{t('lease.snapshots.correct')}</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="row">
        <label>{t('lease.snapshots.stage')}{' '}
          <select value={stage} onChange={(e) => setStage(e.target.value as Stage)}>
            {STAGES.map((s) => <option key={s} value={s}>{t(`lease.snapshots.stages.${s}`)}</option>)}
          </select>
        </label>
        <button type="button" onClick={() => void take()}>{t('lease.snapshots.take')}</button>
      </div>
      <p className="muted small">{t('lease.snapshots.immutable')}</p>
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}

export function RecheckPanel({ recheck }: { recheck: SnapshotDiffView }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  const d = recheck.diff;
  const nothing = !d.added.length && !d.cancelled.length && !d.changed.length && !d.ownerChanged;
  const v = (x: string) => t(`lease.verdicts.${x}`);
  return (
    <section className={`lease-recheck${d.riskier ? ' danger' : ''}`} aria-labelledby="recheck-h" data-testid="recheck">
      <h3 id="recheck-h">{t('lease.recheck.heading')}</h3>
      <p className="small muted">{t('lease.recheck.between', { older: `${recheck.older.takenOn} ${t(`lease.snapshots.stages.${recheck.older.stage}`)}`, newer: `${recheck.newer.takenOn} ${t(`lease.snapshots.stages.${recheck.newer.stage}`)}` })}</p>
      <p><strong>{t('lease.recheck.verdict', { before: v(d.verdictBefore), after: v(d.verdictAfter) })}</strong>{d.riskier && <span className="badge sev-danger">{t('lease.recheck.riskier')}</span>}</p>
      {nothing && <p>{t('lease.recheck.nothing')}</p>}
      {d.ownerChanged && <p className="warn-text">{t('lease.recheck.ownerChanged', { before: d.ownersBefore.join(', '), after: d.ownersAfter.join(', ') })}</p>}
      {d.added.length > 0 && <><h4>{t('lease.recheck.added')}</h4><ul>{d.added.map((e) => <li key={`a${e.section}${e.rank}`} className={`sev-${e.risk}`}>{tr(e.why)}</li>)}</ul></>}
      {d.changed.length > 0 && <><h4>{t('lease.recheck.changed')}</h4><ul>{d.changed.map((c) => <li key={`c${c.after.section}${c.after.rank}`} className={`sev-${c.risk}`}>{tr(c.why)}</li>)}</ul></>}
      {d.cancelled.length > 0 && <><h4>{t('lease.recheck.cancelled')}</h4><ul>{d.cancelled.map((e) => <li key={`x${e.section}${e.rank}`}>{tr(e.why)}</li>)}</ul></>}
      {d.actions.length > 0 && <><h4>{t('lease.recheck.actions')}</h4><ul>{d.actions.map((a, i) => <li key={i}>{tr(a)}</li>)}</ul></>}
      {d.clauses.length > 0 && <><h4>{t('lease.recheck.clauses')}</h4><ul>{d.clauses.map((c) => <li key={c.id}>{tr(c.text)}</li>)}</ul></>}
    </section>
  );
}
