// Desk → city statistics files: this desk's key fingerprint and signed file; for a coordinator,
// the enrolled desks, importing many files (each accepted or refused with its reason).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiCallError } from '../../api/client.js';
import { useBilingual } from '../../components/useBilingual.js';
import type { StatsImportOutcome } from '../../../../electron/api/stats-methods.js';

export function ExchangePanel({ from, to, onImported }: { from: string; to: string; onImported: () => void }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  const [fp, setFp] = useState('');
  const [desks, setDesks] = useState<Awaited<ReturnType<typeof api<'stats.city.desks'>>>>([]);
  const [outcomes, setOutcomes] = useState<StatsImportOutcome[]>([]);
  const [msg, setMsg] = useState('');
  const [enrol, setEnrol] = useState({ fingerprint: '', label: '' });

  const refresh = async () => setDesks(await api('stats.city.desks', {}));
  useEffect(() => {
    void api('stats.desk.info', {}).then((r) => setFp(r.fingerprint));
    void refresh();
  }, []);

  const fail = (e: unknown) => setMsg(e instanceof ApiCallError ? tr(e.body.message) : String(e));

  async function exportFile() {
    try {
      const r = await api('stats.desk.exportFile', { from, to });
      const url = URL.createObjectURL(new Blob([r.content], { type: r.mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = r.fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setMsg(t('stats.exportedRows', { n: r.rows }));
    } catch (e) {
      fail(e);
    }
  }

  async function importFiles(list: FileList | null) {
    if (!list?.length) return;
    try {
      const files = await Promise.all([...list].map(async (f) => ({ name: f.name, content: await f.text() })));
      setOutcomes(await api('stats.city.import', { files }));
      onImported();
    } catch (e) {
      fail(e);
    }
  }

  return (
    <div className="card no-print" data-testid="stats-exchange">
      <h2>{t('stats.exchange')}</h2>
      <dl className="facts">
        <dt>{t('stats.deskKey')}</dt><dd><code data-testid="desk-fingerprint">{fp}</code><div className="hint">{t('stats.deskKeyHint')}</div></dd>
      </dl>
      <div className="row"><button type="button" onClick={() => void exportFile()}>{t('stats.exportFile')}</button></div>
      {msg && <p role="status">{msg}</p>}
      <h3>{t('stats.desks')}</h3>
      <ul>
        {desks.map((d) => (
          <li key={d.fingerprint}>
            <strong>{d.label}</strong> <code className="small">{d.fingerprint}</code>{' '}
            {d.revokedAt ? <span className="badge">{t('stats.revoked')}</span> : <button type="button" onClick={async () => { try { await api('stats.city.revoke', { fingerprint: d.fingerprint }); await refresh(); } catch (e) { fail(e); } }}>{t('stats.revoke')}</button>}
          </li>
        ))}
      </ul>
      <div className="row">
        <input aria-label={t('stats.fingerprint')} placeholder={t('stats.fingerprint')} value={enrol.fingerprint} onChange={(e) => setEnrol({ ...enrol, fingerprint: e.target.value })} />
        <input aria-label={t('stats.label')} placeholder={t('stats.label')} value={enrol.label} onChange={(e) => setEnrol({ ...enrol, label: e.target.value })} />
        <button type="button" onClick={async () => { try { await api('stats.city.enrol', { fingerprint: enrol.fingerprint, label: enrol.label, district: null }); setEnrol({ fingerprint: '', label: '' }); await refresh(); } catch (e) { fail(e); } }}>{t('stats.enrol')}</button>
      </div>
      <label className="field">
        <span>{t('stats.importFiles')}</span>
        <input type="file" accept=".json,application/json" multiple data-testid="stats-import" onChange={(e) => void importFiles(e.target.files)} />
      </label>
      <ul data-testid="stats-import-outcomes">
        {outcomes.map((o, i) => (
          <li key={i} className={o.ok ? '' : 'error'}>
            {o.ok ? t('stats.imported', { name: o.name, rows: o.rows, newRows: o.newRows }) : t('stats.refused', { name: o.name, message: tr(o.message) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
