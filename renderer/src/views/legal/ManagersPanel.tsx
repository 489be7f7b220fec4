// Settings → managers: everyone sees the list and edits their own profile and PIN; a
// coordinator edits anyone, grants or removes the coordinator role and deactivates a manager
// (who can then no longer sign in; their records stay).
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManagerView } from '../../../../electron/api/views.js';
import { api, ApiCallError } from '../../api/client.js';
import { useApp } from '../../store/app.js';
import { Field } from '../../components/Field.js';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { fieldErrors, useBilingual } from '../../components/useBilingual.js';
import { ManagerForm } from '../SessionGate.js';
import { DistrictChips } from '../../components/DistrictPicker.js';

function EditManager(props: { manager: ManagerView; onDone(): void }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  const { notify } = useApp();
  const m = props.manager;
  const [f, setF] = useState({ name: m.name, center: m.center, brokerRegNo: m.brokerRegNo, districts: m.districts });
  const [errors, setErrors] = useState<ReturnType<typeof fieldErrors>>({});
  const [general, setGeneral] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const saved = await api('managers.update', { id: m.id, ...f });
      notify({ text: t('legal.managers.saved', { name: saved.name }) });
      props.onDone();
    } catch (err) {
      setErrors(fieldErrors(err));
      if (err instanceof ApiCallError && err.body.code !== 'VALIDATION') setGeneral(tr(err.body.message));
    }
  }
  return (
    <form onSubmit={submit} className="form-grid" aria-label={`${t('legal.managers.edit')} · ${m.name}`}>
      <Field label={t('manager.name')} required error={errors.name}>
        {(id) => <input id={id} value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} autoFocus />}
      </Field>
      <Field label={t('manager.center')} error={errors.center}>
        {(id) => <input id={id} value={f.center} onChange={(e) => setF({ ...f, center: e.target.value })} />}
      </Field>
      <Field label={t('manager.brokerRegNo')} error={errors.brokerRegNo}>
        {(id) => <input id={id} value={f.brokerRegNo} onChange={(e) => setF({ ...f, brokerRegNo: e.target.value })} />}
      </Field>
      <Field label={t('manager.districts')} wide>
        {(id) => <DistrictChips id={id} value={f.districts} onChange={(districts) => setF({ ...f, districts })} />}
      </Field>
      {general && <div className="error wide" role="alert">{general}</div>}
      <div className="actions wide">
        <button type="button" onClick={props.onDone}>{t('common.cancel')}</button>
        <button type="submit" className="primary">{t('common.save')}</button>
      </div>
    </form>
  );
}

function ChangePin(props: { onDone(): void }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  const { notify } = useApp();
  const [f, setF] = useState({ oldPin: '', newPin: '' });
  const [errors, setErrors] = useState<ReturnType<typeof fieldErrors>>({});
  const [general, setGeneral] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    setGeneral('');
    try {
      await api('managers.changePin', f);
      notify({ text: t('legal.managers.pinChanged') });
      props.onDone();
    } catch (err) {
      setErrors(fieldErrors(err));
      if (err instanceof ApiCallError && err.body.code !== 'VALIDATION' && !err.body.fields) setGeneral(tr(err.body.message));
    }
  }
  return (
    <form onSubmit={submit} className="form-grid" aria-label={t('legal.managers.changePin')}>
      <Field label={t('legal.managers.oldPin')} required error={errors.oldPin}>
        {(id) => <input id={id} type="password" inputMode="numeric" autoComplete="current-password" value={f.oldPin} onChange={(e) => setF({ ...f, oldPin: e.target.value })} autoFocus />}
      </Field>
      <Field label={t('legal.managers.newPin')} required error={errors.newPin}>
        {(id) => <input id={id} type="password" inputMode="numeric" autoComplete="new-password" value={f.newPin} onChange={(e) => setF({ ...f, newPin: e.target.value })} />}
      </Field>
      {general && <div className="error wide" role="alert">{general}</div>}
      <div className="actions wide">
        <button type="button" onClick={props.onDone}>{t('common.cancel')}</button>
        <button type="submit" className="primary">{t('common.save')}</button>
      </div>
    </form>
  );
}

export function ManagersPanel() {
  const { t } = useTranslation();
  const tr = useBilingual();
  const { session, notify, refreshSession } = useApp();
  const [managers, setManagers] = useState<ManagerView[]>([]);
  const [mode, setMode] = useState<{ kind: 'add' } | { kind: 'edit'; id: string } | { kind: 'pin' } | null>(null);
  const reload = async () => setManagers(await api('managers.list', { includeInactive: true }));
  useEffect(() => void reload(), []);
  const me = session?.manager;
  const coordinator = me?.role === 'coordinator';
  /** Runs an action; a refusal (e.g. the last coordinator) is shown, not thrown. */
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (err) {
      if (err instanceof ApiCallError) notify({ text: tr(err.body.message), tone: 'error' });
      else throw err;
    }
    await reload();
    await refreshSession();
  };
  return (
    <div className="card">
      <h2>{t('settings.managers')}</h2>
      <p className="muted small">{t('legal.managers.coordinatorHint')}</p>
      <ul className="plain">
        {managers.map((m) => (
          <li key={m.id} className={m.active ? undefined : 'muted'}>
            {mode?.kind === 'edit' && mode.id === m.id ? (
              <EditManager manager={m} onDone={async () => { setMode(null); await reload(); await refreshSession(); }} />
            ) : (
              <>
                <strong>{m.name}</strong>
                {m.id === me?.id && <span className="muted small"> ({t('legal.managers.you')})</span>}{' '}
                <span className={m.role === 'coordinator' ? 'badge' : 'badge muted'}>{t(`legal.managers.role.${m.role}`)}</span>{' '}
                {!m.active && <span className="badge">{t('legal.managers.inactive')}</span>}{' '}
                {m.isDemo && <span className="badge demo">{t('app.demoBadge')}</span>}{' '}
                <span className="muted small">{[m.center, m.brokerRegNo, m.districts.join(', ')].filter(Boolean).join(' · ')}</span>{' '}
                {(coordinator || m.id === me?.id) && m.active && (
                  <button type="button" className="link" onClick={() => setMode({ kind: 'edit', id: m.id })} aria-label={`${t('legal.managers.edit')} · ${m.name}`}>{t('legal.managers.edit')}</button>
                )}
                {coordinator && m.id !== me?.id && m.active && (
                  <button type="button" className="link" onClick={() => act(() => api('managers.setRole', { id: m.id, role: m.role === 'coordinator' ? 'manager' : 'coordinator' }))}>
                    {m.role === 'coordinator' ? t('legal.managers.makeManager') : t('legal.managers.makeCoordinator')}
                  </button>
                )}
                {coordinator && m.id !== me?.id && (m.active ? (
                  <ConfirmButton className="link danger" label={t('legal.managers.deactivate')} question={t('legal.managers.deactivateConfirm', { name: m.name })}
                    onConfirm={() => act(() => api('managers.setActive', { id: m.id, active: false }))} />
                ) : (
                  <button type="button" className="link" onClick={() => act(() => api('managers.setActive', { id: m.id, active: true }))}>{t('legal.managers.reactivate')}</button>
                ))}
              </>
            )}
          </li>
        ))}
      </ul>
      {mode?.kind === 'add' && <ManagerForm onCancel={() => setMode(null)} onDone={async () => { setMode(null); await reload(); }} />}
      {mode?.kind === 'pin' && <ChangePin onDone={() => setMode(null)} />}
      {mode === null && (
        <div className="actions">
          <button type="button" onClick={() => setMode({ kind: 'add' })}>+ {t('session.newManager')}</button>
          <button type="button" onClick={() => setMode({ kind: 'pin' })}>{t('legal.managers.changePin')}</button>
        </div>
      )}
    </div>
  );
}
