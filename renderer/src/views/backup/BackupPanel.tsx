// Settings → 백업 / 복원 (issue 11), coordinator only. 백업 만들기: a passphrase twice, then the
// backend makes the archive (online copy), reads it back to verify and the browser downloads it.
// 복원: pick an archive (upload progress), its passphrase, see what it holds, restore it into a new
// folder beside this one — never over the open one — and read where it is and how to open it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupContentsView, BackupResults } from '../../../../electron/api/backup-methods.js';
import { api, ApiCallError } from '../../api/client.js';
import { pickFiles, type FileRef } from '../../api/files.js';
import { useApp } from '../../store/app.js';
import { useBilingual } from '../../components/useBilingual.js';
import { base64ToBlob, saveBlob } from '../viewings/files.js';

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

function Contents({ c }: { c: BackupContentsView }) {
  const { t } = useTranslation();
  return (
    <dl className="backup-contents" data-testid="backup-contents">
      <dt>{t('backup.createdAt')}</dt><dd>{new Date(c.createdAt).toLocaleString()}</dd>
      <dt>{t('backup.desk')}</dt><dd>{c.desk || '—'}</dd>
      <dt>{t('backup.counts')}</dt><dd>{t('backup.countsText', { clients: c.counts.clients, cases: c.counts.cases, managers: c.counts.managers, files: c.counts.files })}</dd>
      <dt>{t('backup.size')}</dt><dd>{mb(c.bytes)} MB</dd>
    </dl>
  );
}

export function BackupPanel() {
  const { t } = useTranslation();
  const tr = useBilingual();
  const { session, notify } = useApp();
  const [pass1, setPass1] = useState('');
  const [pass2, setPass2] = useState('');
  const [busy, setBusy] = useState<'' | 'create' | 'upload' | 'inspect' | 'restore'>('');
  const [upload, setUpload] = useState<{ sent: number; total: number } | null>(null);
  const [made, setMade] = useState<BackupContentsView | null>(null);
  const [file, setFile] = useState<FileRef | null>(null);
  const [rpass, setRpass] = useState('');
  const [inspected, setInspected] = useState<BackupContentsView | null>(null);
  const [restored, setRestored] = useState<BackupResults['backup.restore'] | null>(null);
  const [error, setError] = useState('');
  if (session?.manager?.role !== 'coordinator') return null;

  async function guard(kind: typeof busy, fn: () => Promise<void>) {
    setError('');
    setBusy(kind);
    try {
      await fn();
    } catch (err) {
      if (err instanceof ApiCallError) setError(tr(err.body.message));
      else throw err;
    } finally {
      setBusy('');
    }
  }
  const mismatch = pass2 !== '' && pass1 !== pass2;
  const canCreate = pass1.length >= 10 && pass1 === pass2 && !busy;

  return (
    <section className="card" aria-labelledby="backup-title" data-testid="backup-panel">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <p className="muted">{t('backup.intro')}</p>
      <h3>{t('backup.create')}</h3>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="bk-pass1">{t('backup.passphrase')}</label>
          <input id="bk-pass1" type="password" autoComplete="new-password" value={pass1} onChange={(e) => setPass1(e.target.value)} aria-describedby="bk-pass-hint" />
        </div>
        <div className="field">
          <label htmlFor="bk-pass2">{t('backup.passphraseAgain')}</label>
          <input id="bk-pass2" type="password" autoComplete="new-password" value={pass2} onChange={(e) => setPass2(e.target.value)} aria-invalid={mismatch} />
        </div>
      </div>
      <p id="bk-pass-hint" className="muted small">{t('backup.passphraseHint')}</p>
      {mismatch && <p role="alert" className="error">{t('backup.mismatch')}</p>}
      <button type="button" className="primary" disabled={!canCreate} onClick={() => guard('create', async () => {
        const r = await api('backup.create', { passphrase: pass1 });
        saveBlob(base64ToBlob(r.dataBase64, r.mime), r.fileName);
        setMade(r.contents);
        setPass1('');
        setPass2('');
        notify({ text: t('backup.made', { file: r.fileName }) });
      })}>{t('backup.createButton')}</button>
      {busy === 'create' && (
        <p role="status"><progress aria-label={t('backup.working')} /> {t('backup.working')}</p>
      )}
      {made && (
        <div role="status">
          <p>{t('backup.verified')}</p>
          <Contents c={made} />
        </div>
      )}

      <h3>{t('backup.restore')}</h3>
      <p className="muted small">{t('backup.restoreIntro')}</p>
      <button type="button" disabled={!!busy} onClick={() => guard('upload', async () => {
        setInspected(null);
        setRestored(null);
        const [ref] = await pickFiles({ accept: ['ansimbak'], onProgress: (sent, total) => setUpload({ sent, total }) });
        setUpload(null);
        if (ref) setFile(ref);
      })}>{t('backup.pick')}</button>
      {upload && <p role="status"><progress value={upload.sent} max={upload.total || 1} aria-label={t('backup.uploading')} /> {t('backup.uploading')}</p>}
      {file && (
        <>
          <div className="field">
            <label htmlFor="bk-rpass">{t('backup.passphrase')}</label>
            <input id="bk-rpass" type="password" autoComplete="off" value={rpass} onChange={(e) => setRpass(e.target.value)} />
          </div>
          <button type="button" disabled={!rpass || !!busy} onClick={() => guard('inspect', async () => {
            setInspected(await api('backup.inspect', { file, passphrase: rpass }));
          })}>{t('backup.check')}</button>
          {busy === 'inspect' && <p role="status"><progress aria-label={t('backup.checking')} /> {t('backup.checking')}</p>}
        </>
      )}
      {inspected && file && (
        <div role="region" aria-label={t('backup.holds')}>
          <p>{t('backup.holds')}</p>
          <Contents c={inspected} />
          <button type="button" className="primary" disabled={!!busy} onClick={() => guard('restore', async () => {
            setRestored(await api('backup.restore', { file, passphrase: rpass }));
            setRpass('');
          })}>{t('backup.restoreButton')}</button>
          {busy === 'restore' && <p role="status"><progress aria-label={t('backup.restoring')} /> {t('backup.restoring')}</p>}
        </div>
      )}
      {restored && (
        <div role="status" data-testid="backup-restored">
          <p>{t('backup.restoredTo', { dir: restored.dir })}</p>
          <p>{t(restored.protector === 'keyfile' ? 'backup.openBrowser' : 'backup.openDesktop')}</p>
          <pre className="small">{restored.openCommand}</pre>
        </div>
      )}
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}
