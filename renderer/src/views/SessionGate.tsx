// Who is working: pick a manager and enter the PIN; set up the first manager on a new desk;
// unlock after inactivity. Nothing else is reachable until this passes.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManagerView } from '../../../electron/api/views.js';
import type { ApiInput } from '../../../electron/api/methods.js';
import { api, ApiCallError } from '../api/client.js';
import { useApp } from '../store/app.js';
import { Field } from '../components/Field.js';
import { fieldErrors, useBilingual } from '../components/useBilingual.js';
import { LanguageToggle } from '../components/LanguageToggle.js';
import { rovingKeyDown, rovingTabIndex } from '../a11y/roving.js';
import { DistrictChips } from '../components/DistrictPicker.js';

export function ManagerForm(props: { onDone(m: ManagerView): void; onCancel?(): void }) {
  const { t } = useTranslation();
  const [f, setF] = useState<Required<ApiInput<'managers.create'>>>({ name: '', center: '', brokerRegNo: '', districts: [], pin: '' });
  const tr = useBilingual();
  const [errors, setErrors] = useState<ReturnType<typeof fieldErrors>>({});
  const [general, setGeneral] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    setGeneral('');
    try {
      props.onDone(await api('managers.create', f));
    } catch (err) {
      setErrors(fieldErrors(err));
      if (err instanceof ApiCallError && err.body.code !== 'VALIDATION') setGeneral(tr(err.body.message));
    }
  }
  return (
    <form onSubmit={submit} className="form-grid" aria-label={t('session.newManager')}>
      <Field label={t('manager.name')} required error={errors.name}>
        {(id) => <input id={id} value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} autoFocus />}
      </Field>
      <Field label={t('manager.center')} error={errors.center}>
        {(id) => <input id={id} value={f.center} onChange={(e) => setF({ ...f, center: e.target.value })} />}
      </Field>
      <Field label={t('manager.brokerRegNo')} error={errors.brokerRegNo}>
        {(id) => <input id={id} value={f.brokerRegNo} onChange={(e) => setF({ ...f, brokerRegNo: e.target.value })} />}
      </Field>
      <Field label={t('manager.pin')} required error={errors.pin}>
        {(id) => <input id={id} type="password" inputMode="numeric" autoComplete="new-password" value={f.pin} onChange={(e) => setF({ ...f, pin: e.target.value })} />}
      </Field>
      <Field label={t('manager.districts')} wide>
        {(id) => <DistrictChips id={id} value={f.districts} onChange={(districts) => setF({ ...f, districts })} />}
      </Field>
      {general && <div className="error wide" role="alert">{general}</div>}
      <div className="actions wide">
        {props.onCancel && <button type="button" onClick={props.onCancel}>{t('common.cancel')}</button>}
        <button type="submit" className="primary">{t('common.save')}</button>
      </div>
    </form>
  );
}

export function SessionGate() {
  const { t } = useTranslation();
  const tr = useBilingual();
  const { session, setSession } = useApp();
  const [managers, setManagers] = useState<ManagerView[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState('');
  const [adding, setAdding] = useState(false);
  const pinInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void api('managers.list').then((ms) => {
      setManagers(ms);
      if (ms.length === 1) setChosen(ms[0].id);
    });
  }, [session?.needsSetup]);

  const lockedAs = session?.locked ? session.manager : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError('');
    try {
      const s = lockedAs ? await api('session.unlock', { pin }) : await api('session.start', { id: chosen!, pin });
      setPin('');
      setSession(s);
    } catch (err) {
      setError(err instanceof ApiCallError ? tr(err.body.message) : String(err));
      // A wrong PIN: back to the PIN field, which now names the error.
      pinInput.current?.focus();
      pinInput.current?.select();
    }
  }

  if (session?.needsSetup || adding) {
    return (
      <div className="gate">
        <div className="gate-card wide-card">
          <header className="gate-head">
            <h1>{t('session.setupTitle')}</h1>
            <LanguageToggle />
          </header>
          <p className="muted">{t('session.setupHint')}</p>
          <ManagerForm
            onCancel={adding ? () => setAdding(false) : undefined}
            onDone={async (m) => {
              setAdding(false);
              setManagers(await api('managers.list'));
              setChosen(m.id);
            }}
          />
        </div>
      </div>
    );
  }

  return (
    <div className="gate">
      <form className="gate-card" onSubmit={submit}>
        <header className="gate-head">
          <div>
            <div className="brand">{t('app.name')}</div>
            <div className="muted small">{t('app.tagline')}</div>
          </div>
          <LanguageToggle />
        </header>
        {lockedAs ? (
          <>
            <h1>{t('session.locked')}</h1>
            <p>{t('session.unlockHint', { name: lockedAs.name })}</p>
          </>
        ) : (
          <>
            <h1 id="gate-who">{t('session.whoIsWorking')}</h1>
            <div className="manager-list" role="radiogroup" aria-labelledby="gate-who" onKeyDown={(e) => rovingKeyDown(e, { selector: '[role="radio"]', activate: true })}>
              {managers.map((m, i) => (
                <button type="button" role="radio" aria-checked={chosen === m.id} tabIndex={rovingTabIndex(i, chosen === m.id, !!chosen)} key={m.id} className={chosen === m.id ? 'manager selected' : 'manager'} onClick={() => setChosen(m.id)}>
                  <strong>{m.name}</strong>
                  {m.isDemo && <span className="badge demo">{t('app.demoBadge')}</span>}
                  <span className="muted small">{m.center}</span>
                </button>
              ))}
            </div>
            {managers.some((m) => m.isDemo) && <p className="muted small">{t('session.demoHint')}</p>}
          </>
        )}
        <label htmlFor="pin">{t('session.pin')}</label>
        <input id="pin" type="password" inputMode="numeric" autoComplete="current-password" value={pin} onChange={(e) => setPin(e.target.value)} autoFocus
          aria-required="true" aria-invalid={error ? true : undefined} aria-describedby={error ? 'pin-error' : undefined} ref={pinInput} />
        {error && <div className="error" role="alert" id="pin-error">{error}</div>}
        <button type="submit" className="primary" disabled={!lockedAs && !chosen}>
          {lockedAs ? t('session.unlock') : t('session.signIn')}
        </button>
        {lockedAs ? (
          <button type="button" className="link" onClick={async () => setSession(await api('session.end'))}>{t('session.switchUser')}</button>
        ) : (
          <button type="button" className="link" onClick={() => setAdding(true)}>{t('session.newManager')}</button>
        )}
      </form>
    </div>
  );
}
