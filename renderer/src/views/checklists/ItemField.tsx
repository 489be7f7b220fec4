// One checklist item: the prompt, help and reference, the input for its type, and the
// evidence its answer demands (photo, note). Answers are handed up as they are given; there
// is no save button. Text-like inputs hand up after a short pause or on leaving the field.
import { useEffect, useRef, useState, type DragEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Item } from '../../../../checklists/engine/schema.js';
import { evidenceRequired, optionLabel, severityOf } from '../../../../checklists/engine/answers.js';
import type { VisibleItem } from '../../../../checklists/engine/run.js';
import type { ChecklistAnswerView, ChecklistPhotoView } from '../../../../electron/api/checklist-methods.js';
import { MoneyInput } from '../../components/MoneyInput.js';
import { useBilingual } from '../../components/useBilingual.js';
import { PhotoThumb, useWhen } from './common.js';
import { rovingKeyDown, rovingTabIndex } from '../../a11y/roving.js';
import { referenceTable } from '../../../../data/reference/index.js';

export type AnswerValueIn = string | number | string[] | null;

export interface ItemFieldProps {
  entry: VisibleItem;
  answer: ChecklistAnswerView | undefined;
  photos: ChecklistPhotoView[];
  readOnly: boolean;
  focused: boolean;
  error?: string;
  onAnswer(value: AnswerValueIn, opts?: { delay?: boolean }): void;
  onNote(note: string): void;
  onAttach(files: File[]): void;
  onRemovePhoto(photoId: string): void;
  onFocus(): void;
}

function Choice({ item, value, readOnly, onAnswer, labelledBy, describedBy }: { item: Extract<Item, { type: 'yesno' | 'single' | 'multi' }>; value: unknown; readOnly: boolean; onAnswer(v: AnswerValueIn): void; labelledBy: string; describedBy?: string }) {
  const tr = useBilingual();
  const selected = Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : [];
  function toggle(v: string, exclusive?: boolean) {
    if (item.type !== 'multi') return onAnswer(selected.includes(v) ? null : v);
    let next: string[];
    if (selected.includes(v)) next = selected.filter((s) => s !== v);
    else if (exclusive) next = [v];
    else next = [...selected.filter((s) => !item.options.find((o) => o.value === s)?.exclusive), v];
    // Stored in template order.
    next = item.options.map((o) => o.value).filter((o) => next.includes(o));
    onAnswer(next.length ? next : null);
  }
  return (
    // One Tab stop per question: the answer group is named by its question, arrows move between
    // the options, Space/Enter (or Y/N/A on the item) choose.
    <div
      className={item.type === 'yesno' ? 'cl-yesno' : 'cl-options'}
      role={item.type === 'multi' ? 'group' : 'radiogroup'}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onKeyDown={(e) => rovingKeyDown(e, { selector: 'button' })}
    >
      {item.options.map((o, i) => {
        const on = selected.includes(o.value);
        return (
          <button
            key={o.value}
            type="button"
            role={item.type === 'multi' ? 'checkbox' : 'radio'}
            aria-checked={on}
            tabIndex={rovingTabIndex(i, on, selected.length > 0)}
            disabled={readOnly}
            className={`cl-opt sev-${o.severity}${on ? ' on' : ''}`}
            data-value={o.value}
            onClick={() => toggle(o.value, o.exclusive)}
          >
            {tr(optionLabel(o))}
          </button>
        );
      })}
    </div>
  );
}

/** A text-ish input that hands its value up after a pause, on Enter and on blur. */
function Typed({ id, kind, initial, readOnly, unit, onCommit, describedBy, invalid }: { id: string; kind: 'number' | 'text' | 'longtext' | 'date'; initial: string; readOnly: boolean; unit?: string; onCommit(text: string, delay: boolean): void; describedBy?: string; invalid?: boolean }) {
  const [text, setText] = useState(initial);
  const last = useRef(initial);
  useEffect(() => {
    setText(initial);
    last.current = initial;
  }, [initial]);
  const commit = (v: string, delay: boolean) => {
    if (v === last.current && !delay) return;
    last.current = v;
    onCommit(v, delay);
  };
  const common = {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': invalid || undefined,
    value: text,
    disabled: readOnly,
    onBlur: () => commit(text, false),
  };
  if (kind === 'longtext') {
    return <textarea {...common} rows={3} onChange={(e) => { setText(e.target.value); commit(e.target.value, true); }} />;
  }
  return (
    <span className="cl-typed">
      <input
        {...common}
        type={kind === 'number' ? 'text' : kind === 'date' ? 'date' : 'text'}
        inputMode={kind === 'number' ? 'decimal' : undefined}
        onChange={(e) => {
          setText(e.target.value);
          commit(e.target.value, kind !== 'date');
        }}
        onKeyDown={(e) => e.key === 'Enter' && commit(text, false)}
      />
      {unit && <span className="cl-unit">{unit}</span>}
    </span>
  );
}

export function PhotoDrop({ readOnly, onAttach }: { readOnly: boolean; onAttach(files: File[]): void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  if (readOnly) return null;
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = [...e.dataTransfer.files];
    if (files.length) onAttach(files);
  };
  return (
    <div
      className={`cl-drop${over ? ' over' : ''}`}
      onDragOver={(e) => { e.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <span className="muted small">{t('checklists.dropPhoto')}</span>{' '}
      <button type="button" onClick={() => input.current?.click()}>{t('checklists.choosePhoto')}</button>{' '}
      <span className="muted small">{t('checklists.photoTypes')}</span>
      <input
        ref={input}
        type="file"
        hidden
        multiple
        accept="image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif"
        data-testid="photo-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) onAttach(files);
        }}
      />
    </div>
  );
}

export function ItemField(p: ItemFieldProps) {
  const { t } = useTranslation();
  const tr = useBilingual();
  const when = useWhen();
  const { item, required } = p.entry;
  const value = p.entry.value;
  const severity = value !== undefined ? severityOf(item, value) : null;
  const demand = value !== undefined ? evidenceRequired(item, value) : { photo: false, note: false };
  const hasNote = (p.answer?.note ?? '').trim() !== '';
  const [showNote, setShowNote] = useState(false);
  const [showPhoto, setShowPhoto] = useState(false);
  const photoNeeded = demand.photo && p.photos.length === 0;
  const noteNeeded = demand.note && !hasNote;
  const inputId = `cl-in-${item.id}`;
  const promptId = `cl-q-${item.id}`;
  const helpId = item.help ? `cl-help-${item.id}` : undefined;
  const errorId = p.error ? `cl-err-${item.id}` : undefined;
  const describedBy = [errorId, helpId].filter(Boolean).join(' ') || undefined;
  // Only the typed inputs have an element with inputId; a choice group is named by aria-labelledby.
  const hasInput = item.type !== 'yesno' && item.type !== 'single' && item.type !== 'multi' && item.type !== 'photo';

  let input: ReactElement;
  switch (item.type) {
    case 'yesno':
    case 'single':
    case 'multi':
      input = <Choice item={item} value={value ?? p.answer?.value} readOnly={p.readOnly} onAnswer={(v) => p.onAnswer(v)} labelledBy={promptId} describedBy={describedBy} />;
      break;
    case 'number':
      input = (
        <Typed id={inputId} describedBy={describedBy} invalid={!!p.error} kind="number" unit={tr(item.unit)} readOnly={p.readOnly} initial={p.answer ? String(p.answer.value) : ''}
          onCommit={(s, delay) => p.onAnswer(s.trim() === '' ? null : Number(s.replace(/,/g, '')), { delay })} />
      );
      break;
    case 'money':
      input = (
        <MoneyInput id={inputId} value={typeof p.answer?.value === 'number' ? p.answer.value : null}
          onChange={(s) => { if (!s.pending) p.onAnswer(s.value, { delay: true }); }} />
      );
      break;
    case 'date':
      input = <Typed id={inputId} describedBy={describedBy} invalid={!!p.error} kind="date" readOnly={p.readOnly} initial={typeof p.answer?.value === 'string' ? p.answer.value : ''} onCommit={(s) => p.onAnswer(s || null)} />;
      break;
    case 'text':
    case 'longtext':
      input = <Typed id={inputId} describedBy={describedBy} invalid={!!p.error} kind={item.type} readOnly={p.readOnly} initial={typeof p.answer?.value === 'string' ? p.answer.value : ''} onCommit={(s, delay) => p.onAnswer(s.trim() || null, { delay })} />;
      break;
    case 'photo':
      input = <div role="group" aria-labelledby={promptId} aria-describedby={describedBy}><PhotoDrop readOnly={p.readOnly} onAttach={p.onAttach} /></div>;
      break;
  }

  return (
    <div
      id={`cl-item-${item.id}`}
      className={`cl-item${severity && severity !== 'ok' ? ` sev-${severity}` : ''}${p.focused ? ' focused' : ''}${value !== undefined ? ' answered' : ''}`}
      tabIndex={-1}
      data-testid={`item-${item.id}`}
      data-type={item.type}
      onFocus={p.onFocus}
      onClick={p.onFocus}
    >
      <div className="cl-prompt">
        {hasInput ? <label htmlFor={inputId} id={promptId}>{tr(item.prompt)}</label> : <span id={promptId}>{tr(item.prompt)}</span>}
        {!required && <span className="badge">{t('checklists.optional')}</span>}
        {severity && severity !== 'ok' && <span className={`badge sev-${severity}`}>{t(`checklists.severity.${severity}`)}</span>}
        {/* lease module: filled in from what the case knew; answering makes it the manager's */}
        {p.answer?.prefilledFrom && <span className="badge lease-prefilled" data-testid="prefilled" title={t('lease.prefilled.hint')}>{t(`lease.prefilled.${p.answer.prefilledFrom}`)}</span>}
      </div>
      {item.help && <p className="cl-help muted small" id={helpId}>{tr(item.help)}</p>}
      {(item.reference || item.refTable) && (
        <p className="cl-ref muted small">
          {item.reference && t('checklists.reference', { ref: item.reference })}
          {item.reference && item.refTable && ' · '}
          {item.refTable && t('checklists.refTable', { name: tr(referenceTable(item.refTable)?.title ?? { ko: '기준표', en: 'reference table' }) })}
        </p>
      )}
      {input}
      {p.error && <div className="error" role="alert" id={errorId}>{p.error}</div>}

      {(p.photos.length > 0 || demand.photo || showPhoto) && item.type !== 'photo' && (
        <div className={`cl-evidence${photoNeeded ? ' needed' : ''}`}>
          {photoNeeded && <div className="cl-need" role="note">{t('checklists.needPhoto')}</div>}
          <PhotoDrop readOnly={p.readOnly} onAttach={p.onAttach} />
        </div>
      )}
      {p.photos.length > 0 && (
        <div className="cl-thumbs" data-testid={`thumbs-${item.id}`}>
          {p.photos.map((ph) => (
            <figure key={ph.id}>
              <PhotoThumb id={ph.id} alt={ph.name ?? tr(item.prompt)} />
              <figcaption className="small muted">
                {[ph.name, ph.takenAt && t('checklists.photoTaken', { at: ph.takenAt.slice(0, 16).replace('T', ' ') }), ph.lat != null && t('checklists.photoGps')].filter(Boolean).join(' · ')}{' '}
                {!p.readOnly && (
                  <button type="button" className="link danger-text" onClick={() => p.onRemovePhoto(ph.id)} aria-label={t('checklists.removePhoto')}>×</button>
                )}
              </figcaption>
            </figure>
          ))}
        </div>
      )}
      {value !== undefined && (hasNote || demand.note || showNote) && (
        <div className={`cl-evidence${noteNeeded ? ' needed' : ''}`}>
          {noteNeeded && <div className="cl-need" role="note">{t('checklists.needNote')}</div>}
          <NoteField id={`cl-note-${item.id}`} initial={p.answer?.note ?? ''} readOnly={p.readOnly} onCommit={p.onNote} />
        </div>
      )}
      {!p.readOnly && (
        <div className="cl-item-tools">
          {value !== undefined && !hasNote && !demand.note && !showNote && <button type="button" className="link" onClick={() => setShowNote(true)}>{t('checklists.addNote')}</button>}
          {item.type !== 'photo' && p.photos.length === 0 && !demand.photo && !showPhoto && <button type="button" className="link" onClick={() => setShowPhoto(true)}>{t('checklists.addPhoto')}</button>}
          {p.answer && item.type !== 'photo' && <button type="button" className="link" onClick={() => p.onAnswer(null)}>{t('checklists.clear')}</button>}
        </div>
      )}
      {p.answer && <span className="cl-sr-only">{when(p.answer.answeredAt)}</span>}
    </div>
  );
}

function NoteField({ id, initial, readOnly, onCommit }: { id: string; initial: string; readOnly: boolean; onCommit(s: string): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const last = useRef(initial);
  const latest = useRef({ text: initial, onCommit });
  latest.current = { text, onCommit };
  const commit = (v: string) => {
    clearTimeout(timer.current);
    if (v === last.current) return;
    last.current = v;
    onCommit(v);
  };
  // Leaving the screen mid-pause still saves what was typed.
  useEffect(() => () => {
    clearTimeout(timer.current);
    if (latest.current.text !== last.current) latest.current.onCommit(latest.current.text);
  }, []);
  return (
    <label className="cl-note">
      <span className="small">{t('checklists.note')}</span>
      <textarea
        id={id}
        rows={2}
        value={text}
        disabled={readOnly}
        placeholder={t('checklists.notePlaceholder')}
        onChange={(e) => {
          const v = e.target.value;
          setText(v);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(v), 700);
        }}
        onBlur={() => commit(text)}
      />
    </label>
  );
}
