// One checklist run: sections with progress, items by type, problem items gathered at the top,
// evidence demanded inline, keyboard shortcuts, and the summary with the verdict and 완료.
// Every answer is sent to the backend as it is given (a pause for typed text); the header
// shows a quiet 저장됨 once the backend has it on disk.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { score, visibleItems, type EvidenceInput } from '../../../../checklists/engine/run.js';
import type { Item } from '../../../../checklists/engine/schema.js';
import type { ChecklistAnswerView, ChecklistRunDetail } from '../../../../electron/api/checklist-methods.js';
import { api, ApiCallError } from '../../api/client.js';
import { useApp } from '../../store/app.js';
import { useBilingual } from '../../components/useBilingual.js';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { TabList, TabPanel } from '../../a11y/Tabs.js';
import { ItemField, type AnswerValueIn } from './ItemField.js';
import { RunSummary } from './RunSummary.js';
import { ProgressBar, useWhen, VerdictBadge } from './common.js';

type SaveState = { state: 'idle' | 'saving' | 'saved' | 'error'; message?: string };

function readFile(f: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(f);
  });
}

export function RunScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  const when = useWhen();
  const { go, notify } = useApp();
  const [d, setD] = useState<ChecklistRunDetail | null>(null);
  const [answers, setAnswers] = useState<Record<string, ChecklistAnswerView>>({});
  const [save, setSave] = useState<SaveState>({ state: 'idle' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [tab, setTab] = useState<'run' | 'summary'>('run');
  const [focus, setFocus] = useState<string | null>(null);
  const [showRecovered, setShowRecovered] = useState(true);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const timers = useRef(new Map<string, { h: ReturnType<typeof setTimeout>; run: () => void }>());

  const load = useCallback(async () => {
    const r = await api('checklists.runs.get', { id });
    setD(r);
    setAnswers(Object.fromEntries(r.answers.map((a) => [a.itemId, a])));
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  // A run started from an accompanied viewing links back to that visit.
  const [fromViewing, setFromViewing] = useState<string | null>(null);
  useEffect(() => {
    void api('viewings.forRun', { runId: id }).then((v) => setFromViewing(v?.viewingId ?? null)).catch(() => undefined);
  }, [id]);
  // Typed answers waiting for their pause are sent when leaving the screen.
  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const p of pending.values()) {
        clearTimeout(p.h);
        p.run();
      }
    };
  }, []);

  const readOnly = d?.run.status !== 'open';
  const photos = useMemo(() => d?.photos ?? [], [d]);
  const evidence = useMemo<EvidenceInput>(() => {
    const ev: EvidenceInput = {};
    for (const p of photos) ev[p.itemId] = { photoIds: [...(ev[p.itemId]?.photoIds ?? []), p.id] };
    return ev;
  }, [photos]);
  const list = useMemo(() => Object.values(answers).map(({ photoIds: _p, ...a }) => a), [answers]);
  const visible = useMemo(() => (d ? visibleItems(d.template, list, evidence) : []), [d, list, evidence]);
  const sc = useMemo(() => (d ? score(d.template, list, evidence) : null), [d, list, evidence]);

  /** Sends one write, in order with the others, and shows its state. */
  function send<T>(fn: () => Promise<T>, itemId?: string): Promise<T | undefined> {
    setSave({ state: 'saving' });
    const next = queue.current.then(async () => {
      try {
        const r = await fn();
        setSave({ state: 'saved' });
        if (itemId) setErrors(({ [itemId]: _gone, ...rest }) => rest);
        return r;
      } catch (e) {
        const msg = e instanceof ApiCallError ? tr(e.body.fields?.[0]?.message ?? e.body.message) : String(e);
        setSave({ state: 'error', message: msg });
        if (itemId) setErrors((x) => ({ ...x, [itemId]: msg }));
        return undefined;
      }
    });
    queue.current = next;
    return next;
  }

  function answer(item: Item, value: AnswerValueIn, opts: { delay?: boolean; note?: string } = {}) {
    const run = () => {
      timers.current.delete(item.id);
      void send(async () => {
        const r = await api('checklists.runs.answer', { runId: id, itemId: item.id, value, ...(opts.note !== undefined ? { note: opts.note } : {}) });
        setAnswers(({ [item.id]: _old, ...rest }) => (r.answer ? { ...rest, [item.id]: r.answer } : rest));
        return r;
      }, item.id);
    };
    const old = timers.current.get(item.id);
    if (old) clearTimeout(old.h);
    if (opts.delay) timers.current.set(item.id, { h: setTimeout(run, 700), run });
    else run();
  }

  async function attach(item: Item, files: File[]) {
    for (const f of files) {
      setSave({ state: 'saving', message: t('checklists.uploading') });
      const dataBase64 = await readFile(f);
      await send(() => api('checklists.runs.attachPhoto', { runId: id, itemId: item.id, name: f.name, dataBase64 }), item.id);
    }
    await load();
  }

  async function removePhoto(item: Item, photoId: string) {
    await send(() => api('checklists.runs.removePhoto', { runId: id, itemId: item.id, photoId }), item.id);
    await load();
  }

  async function complete() {
    try {
      const r = await api('checklists.runs.complete', { id });
      setD(r);
      setAnswers(Object.fromEntries(r.answers.map((a) => [a.itemId, a])));
      notify({ text: t('checklists.completed') });
    } catch (e) {
      notify({ text: e instanceof ApiCallError ? tr(e.body.message) : String(e), tone: 'error' });
    }
  }

  async function upgrade() {
    try {
      const r = await api('checklists.runs.upgrade', { id });
      setD(r);
      setAnswers(Object.fromEntries(r.answers.map((a) => [a.itemId, a])));
    } catch (e) {
      notify({ text: e instanceof ApiCallError ? tr(e.body.message) : String(e), tone: 'error' });
    }
  }

  function moveFocus(step: number) {
    if (visible.length === 0) return;
    const at = visible.findIndex((v) => v.item.id === focus);
    const next = visible[Math.min(visible.length - 1, Math.max(0, at === -1 ? 0 : at + step))];
    setFocus(next.item.id);
    const el = document.getElementById(`cl-item-${next.item.id}`);
    el?.focus({ preventScroll: true });
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  // Keyboard: Y / N / A answer the focused yes/no item; J/K or ↓/↑ move between items.
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (tab !== 'run' || e.ctrlKey || e.metaKey || e.altKey) return;
      const el = e.target as HTMLElement | null;
      if (el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)) return;
      const key = e.key.toLowerCase();
      if (key === 'j' || e.key === 'ArrowDown') {
        e.preventDefault();
        moveFocus(1);
      } else if (key === 'k' || e.key === 'ArrowUp') {
        e.preventDefault();
        moveFocus(-1);
      } else if ((key === 'y' || key === 'n' || key === 'a') && focus && !readOnly) {
        const entry = visible.find((v) => v.item.id === focus);
        if (!entry || entry.item.type !== 'yesno') return;
        const value = key === 'y' ? 'yes' : key === 'n' ? 'no' : 'na';
        if (!entry.item.options.some((o) => o.value === value)) return;
        e.preventDefault();
        answer(entry.item, value);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (!d || !sc) return <section className="page"><p className="muted">{t('common.loading')}</p></section>;
  const problems = sc.drivers;
  const evidenceMissing = sc.missing.filter((m) => m.kind === 'photo' || m.kind === 'note');
  const upgradeTo = d.run.status === 'open' && d.run.latestVersion > d.run.templateVersion ? d.run.latestVersion : null;

  return (
    <section className="page cl-run" data-testid="checklist-run">
      <div className="row">
        <button type="button" className="link" onClick={() => go({ name: 'checklistListing', listingId: d.run.listingId })}>{t('checklists.backToListing')}</button>
        {fromViewing && <button type="button" className="link" onClick={() => go({ name: 'viewing', id: fromViewing })}>{t('checklists.backToViewing')}</button>}
      </div>
      <header className="page-head cl-run-head">
        <div>
          <h1>
            {tr(d.template.title)} <span className="muted small">{t('checklists.version', { v: d.run.templateVersion })}</span>
            {d.run.isDemo && <span className="badge demo">{t('app.demoBadge')}</span>}
          </h1>
          <div className="muted small">{d.run.address}</div>
          <div className="muted small">
            {t('checklists.startedBy', { who: d.run.startedBy ?? '—', at: when(d.run.startedAt) })}
            {d.run.completedAt && <> · {t('checklists.completedBy', { who: d.run.completedBy ?? '—', at: when(d.run.completedAt) })}</>}
          </div>
        </div>
        <div className="cl-run-status">
          <VerdictBadge tally={sc.overall} large />
          <ProgressBar share={sc.overall.answeredShare} label={t('checklists.progress', { answered: sc.overall.answered, visible: sc.overall.visible })} />
          <span className={`cl-save ${save.state}`} data-testid="save-state" aria-live="polite">
            {save.state === 'saving' ? save.message ?? t('checklists.saving') : save.state === 'saved' ? `✓ ${t('checklists.saved')}` : save.state === 'error' ? t('checklists.saveFailed', { msg: save.message }) : ''}
          </span>
        </div>
      </header>

      {d.recovered && showRecovered && (
        <div className="card warn cl-recovered" role="alert" data-testid="recovered">
          {t('checklists.recovered')}
          <button type="button" className="x" aria-label={t('common.close')} onClick={() => setShowRecovered(false)}>×</button>
        </div>
      )}
      {readOnly && <div className="card cl-readonly">{t('checklists.readOnly')}</div>}
      {upgradeTo && (
        <div className="card warn">
          {t('checklists.upgradeAvailable', { v: upgradeTo })} <button type="button" onClick={() => void upgrade()}>{t('checklists.upgrade')}</button>
        </div>
      )}
      {d.unmapped.length > 0 && (
        <div className="card warn" data-testid="unmapped">
          <h2>{t('checklists.unmappedTitle')}</h2>
          <ul>
            {d.unmapped.map((u, i) => (
              <li key={`${u.itemId}-${i}`}>
                <code>{u.itemId}</code> ({t('checklists.unmappedFrom', { from: u.fromVersion, to: u.toVersion })}): {tr(u.message)}{' '}
                <span className="muted">{t('checklists.previousAnswer', { value: Array.isArray(u.previous.value) ? u.previous.value.join(', ') : String(u.previous.value) })}</span>
                {u.previous.note && <span className="muted"> · {u.previous.note}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="cl-tabs">
        <TabList<'run' | 'summary'>
          base="cl-run"
          label={t('a11y.tabs')}
          className="cl-tablist"
          tabs={[{ key: 'run', label: t('checklists.tabRun') }, { key: 'summary', label: t('checklists.tabSummary') }]}
          current={tab}
          onSelect={setTab}
          tabClassName={(_k, on) => (on ? 'on' : '')}
        />
        <span className="grow" />
        {!readOnly && (
          <>
            <button type="button" className="primary" disabled={!sc.overall.complete} onClick={() => void complete()} data-testid="complete">{t('checklists.complete')}</button>
            {!sc.overall.complete && <span className="muted small">{t('checklists.completeBlocked', { n: sc.missing.length })}</span>}
          </>
        )}
      </div>

      <TabPanel base="cl-run" tab={tab}>
      {tab === 'summary' ? (
        <RunSummary d={d} sc={d.run.status === 'completed' && d.amendments.length > 0 ? d.score : sc} onAmended={(r) => setD(r)} onJump={(itemId) => { setTab('run'); setTimeout(() => { setFocus(itemId); document.getElementById(`cl-item-${itemId}`)?.scrollIntoView({ block: 'center' }); }, 0); }} />
      ) : (
        <>
          <p className="cl-keys muted small" data-testid="keyboard-help">{t('checklists.keyboardHelp')}</p>
          {(problems.length > 0 || evidenceMissing.length > 0) && (
            <div className="card cl-problems" data-testid="problems">
              <h2>{t('checklists.problems')}</h2>
              <ul>
                {problems.map((p) => (
                  <li key={p.itemId}>
                    <span className={`badge sev-${p.severity}`}>{t(`checklists.severity.${p.severity}`)}</span>{' '}
                    <button type="button" className="link" onClick={() => { setFocus(p.itemId); document.getElementById(`cl-item-${p.itemId}`)?.scrollIntoView({ block: 'center' }); }}>{tr(p.prompt)}</button>
                    {' — '}{tr(p.answer)}
                    {evidenceMissing.filter((m) => m.itemId === p.itemId).map((m) => <span key={m.kind} className="cl-need-inline"> · {t(m.kind === 'photo' ? 'checklists.needPhoto' : 'checklists.needNote')}</span>)}
                  </li>
                ))}
                {evidenceMissing.filter((m) => !problems.some((p) => p.itemId === m.itemId)).map((m) => (
                  <li key={`${m.itemId}-${m.kind}`}>{tr(m.message)}</li>
                ))}
              </ul>
            </div>
          )}
          {d.template.sections.map((s) => {
            const entries = visible.filter((v) => v.sectionId === s.id);
            if (entries.length === 0) return null;
            const ss = sc.sections.find((x) => x.sectionId === s.id)!;
            return (
              <section key={s.id} className="card cl-section" data-testid={`section-${s.id}`}>
                <header className="cl-section-head">
                  <h2>{tr(s.title)}</h2>
                  <ProgressBar share={ss.answeredShare} label={t('checklists.progress', { answered: ss.answered, visible: ss.visible })} />
                  {(ss.danger > 0 || ss.caution > 0) && <VerdictBadge tally={ss} />}
                </header>
                {s.description && <p className="muted small">{tr(s.description)}</p>}
                {entries.map((entry) => (
                  <ItemField
                    key={entry.item.id}
                    entry={entry}
                    answer={answers[entry.item.id]}
                    photos={photos.filter((p) => p.itemId === entry.item.id)}
                    readOnly={readOnly}
                    focused={focus === entry.item.id}
                    error={errors[entry.item.id]}
                    onFocus={() => setFocus(entry.item.id)}
                    onAnswer={(v, o) => answer(entry.item, v, o)}
                    onNote={(note) => {
                      const a = answers[entry.item.id];
                      if (a) answer(entry.item, a.value, { note });
                    }}
                    onAttach={(files) => void attach(entry.item, files)}
                    onRemovePhoto={(pid) => void removePhoto(entry.item, pid)}
                  />
                ))}
              </section>
            );
          })}
          <div className="cl-foot">
            <ConfirmButton label={t('checklists.delete')} question={t('checklists.confirmDelete')} onConfirm={async () => {
              await api('checklists.runs.delete', { id });
              notify({ text: t('checklists.deleted') });
              go({ name: 'checklistListing', listingId: d.run.listingId });
            }} />
          </div>
        </>
      )}
      </TabPanel>
    </section>
  );
}

