// A destructive action asks first, in place (no browser dialogs), and Esc backs out.
// Accessibility: the question is a small modal alert dialog — focus starts on the confirming
// button and Tab stays between its two buttons while it is open (aria-modal); afterwards focus
// goes back where it was: to the button that opened it, or, when that is gone with the deleted
// thing, to the nearest part of the screen that is still there.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function ConfirmButton(props: { label: ReactNode; question: string; confirmLabel?: string; onConfirm(): Promise<void> | void; className?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const questionId = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  /** Ancestors of the dialog when it opened, nearest first: where focus may fall back to. */
  const ancestors = useRef<Element[]>([]);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (open || !returnFocus.current) return;
    returnFocus.current = false;
    if (trigger.current?.isConnected) return trigger.current.focus();
    restoreNear(ancestors.current);
  }, [open]);

  function close() {
    returnFocus.current = true;
    setOpen(false);
  }

  function trap(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === 'Escape') {
      e.stopPropagation();
      return close();
    }
    if (e.key !== 'Tab' || !dialog.current) return;
    const items = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }

  if (!open) {
    return (
      <button type="button" ref={trigger} className={props.className ?? 'danger'} onClick={(e) => {
        const list: Element[] = [];
        for (let el = e.currentTarget.parentElement; el && el !== document.body; el = el.parentElement) list.push(el);
        ancestors.current = list;
        setOpen(true);
      }}>
        {props.label}
      </button>
    );
  }
  return (
    <div className="confirm" role="alertdialog" aria-modal="true" aria-labelledby={questionId} ref={dialog} onKeyDown={trap}>
      <span id={questionId}>{props.question}</span>
      <button type="button" onClick={close}>{t('common.cancel')}</button>
      <button
        type="button"
        className="danger"
        autoFocus
        onClick={async () => {
          close();
          await props.onConfirm();
          // The thing may be gone now (and the screen may have changed): try again once it has settled.
          setTimeout(() => {
            if (!document.activeElement || document.activeElement === document.body) restoreNear(ancestors.current);
          }, 80);
        }}
      >
        {props.confirmLabel ?? props.label}
      </button>
    </div>
  );
}

/** Focuses the first focusable thing in the nearest ancestor still on screen (or the heading). */
function restoreNear(ancestors: Element[]) {
  for (const a of ancestors) {
    if (!a.isConnected) continue;
    const target = a.querySelector<HTMLElement>(FOCUSABLE);
    if (target) return target.focus();
  }
  const h1 = document.querySelector<HTMLElement>('main h1');
  if (h1) {
    if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
    h1.focus();
  }
}
