// Small pieces shared by the checklist screens: the verdict badge, times, photo thumbnails.
import { useTranslation } from 'react-i18next';
import type { Tally } from '../../../../checklists/engine/run.js';
import { api } from '../../api/client.js';
import { useLoad } from '../../api/useLoad.js';

/** 안전 / 주의 / 위험, with 미완료 beside it while the run is incomplete. */
export function VerdictBadge({ tally, large }: { tally: Tally; large?: boolean }) {
  const { t } = useTranslation();
  // Nothing answered yet is not "safe": say it has not been checked.
  if (tally.answered === 0 && tally.visible > 0) {
    return (
      <span className={`cl-verdict unchecked${large ? ' large' : ''}`} data-testid="verdict">
        <span className="cl-verdict-main">{t('checklists.notChecked')}</span>
      </span>
    );
  }
  return (
    <span className={`cl-verdict ${tally.verdict}${large ? ' large' : ''}`} data-testid="verdict">
      <span className="cl-verdict-main">{t(`checklists.verdict.${tally.verdict}`)}</span>
      {!tally.complete && <span className="cl-verdict-incomplete">{t('checklists.incomplete')}</span>}
    </span>
  );
}

export function ProgressBar({ share, label }: { share: number; label: string }) {
  return (
    <span className="cl-progress" title={label}>
      <span className="cl-progress-bar" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(share * 100)}>
        <span style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
      <span className="small muted">{label}</span>
    </span>
  );
}

/** An instant as Seoul local time, short. */
export function useWhen() {
  const { i18n } = useTranslation();
  return (iso: string | null | undefined) =>
    iso
      ? new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'ko-KR', { timeZone: 'Asia/Seoul', dateStyle: 'short', timeStyle: 'short' })
      : '';
}

// Thumbnails come through the API (with the session), never from a token-free URL.
const thumbs = new Map<string, Promise<string>>();
function thumbUrl(id: string, size: 'thumb' | 'full'): Promise<string> {
  const key = `${id}.${size}`;
  let p = thumbs.get(key);
  if (!p) {
    p = api('checklists.photos.get', { id, size }).then((r) => `data:${r.mime};base64,${r.dataBase64}`);
    p.catch(() => thumbs.delete(key));
    thumbs.set(key, p);
  }
  return p;
}

export function PhotoThumb({ id, alt }: { id: string; alt: string }) {
  const src = useLoad(() => thumbUrl(id, 'thumb'), [id]).data ?? null;
  async function openFull() {
    const url = await thumbUrl(id, 'full');
    const w = window.open();
    if (w) w.document.body.innerHTML = `<img src="${url}" style="max-width:100%">`;
  }
  return src ? (
    <button type="button" className="cl-thumb" onClick={() => void openFull()} aria-label={alt}>
      <img src={src} alt={alt} />
    </button>
  ) : (
    <span className="cl-thumb loading" aria-label={alt} />
  );
}
