// One transient notice. It goes by itself after a few seconds, but never while the pointer is on
// it or focus is in it (WCAG 2.2.1 timing adjustable), and a notice that holds an undo stays until
// it is used or dismissed: it may be the only way to get the deleted thing back.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../store/app.js';

export const NOTICE_MS = 5_000;

export function NoticeItem({ notice, onDismiss }: { notice: Notice; onDismiss(): void }) {
  const { t } = useTranslation();
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const held = hovered || focused || !!notice.undo;
  useEffect(() => {
    if (held) return;
    const h = setTimeout(onDismiss, NOTICE_MS);
    return () => clearTimeout(h);
  }, [held, onDismiss]);
  return (
    <div
      className={`notice ${notice.tone ?? 'info'}`}
      data-testid="notice"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && setFocused(false)}
    >
      <span>{notice.text}</span>
      {notice.undo && (
        <button type="button" onClick={async () => { onDismiss(); await notice.undo!(); }}>
          {t('common.undo')}
        </button>
      )}
      <button type="button" className="x" aria-label={t('common.close')} onClick={onDismiss}>×</button>
    </div>
  );
}
