// A destructive action asks first, in place (no browser dialogs), and Esc backs out.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function ConfirmButton(props: { label: ReactNode; question: string; confirmLabel?: string; onConfirm(): Promise<void> | void; className?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className={props.className ?? 'danger'} onClick={() => setOpen(true)}>
        {props.label}
      </button>
    );
  }
  return (
    <div className="confirm" role="alertdialog" aria-label={props.question} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <span>{props.question}</span>
      <button type="button" onClick={() => setOpen(false)}>{t('common.cancel')}</button>
      <button
        type="button"
        className="danger"
        autoFocus
        onClick={async () => {
          setOpen(false);
          await props.onConfirm();
        }}
      >
        {props.confirmLabel ?? props.label}
      </button>
    </div>
  );
}
