// The registry form: the certificate's 갑구 and 을구 lines as printed, and the landlord, building-
// register and contract facts. Every change goes up at once; the screen autosaves it.
import { implausibleDate, paymentsMismatch } from '../../../../checklists/common/consistency.js';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../../electron/api/errors.js';
import type { RegistryDoc, RegistryDocEntry } from '../../../../checklists/rights/registry-doc.js';
import { Field } from '../../components/Field.js';
import { MoneyInput, type MoneyState } from '../../components/MoneyInput.js';

/** A line being edited: a stable key for React, and the holders as typed. */
export interface EditEntry extends Omit<RegistryDocEntry, 'holders'> {
  key: string;
  holdersText: string;
}
export interface EditDoc extends Omit<RegistryDoc, 'gapgu' | 'eulgu'> {
  gapgu: EditEntry[];
  eulgu: EditEntry[];
}

let nextKey = 1;
export function toEdit(doc: RegistryDoc): EditDoc {
  const rows = (list: RegistryDocEntry[]) => list.map(({ holders, ...e }) => ({ ...e, key: `e${nextKey++}`, holdersText: holders.join(', ') }));
  return { ...doc, gapgu: rows(doc.gapgu), eulgu: rows(doc.eulgu) };
}
export function fromEdit(doc: EditDoc): RegistryDoc {
  const rows = (list: EditEntry[]) =>
    list.map(({ key: _k, holdersText, ...e }) => ({ ...e, holders: holdersText.split(/[,，]/).map((h) => h.trim()).filter(Boolean) }));
  return { ...doc, gapgu: rows(doc.gapgu), eulgu: rows(doc.eulgu) };
}
function blankEntry(rank: string): EditEntry {
  return { key: `e${nextKey++}`, rank, purpose: '', receivedAt: null, receiptNo: null, cause: null, holdersText: '', maxClaim: null, cancelled: false };
}

const PURPOSES = {
  gapgu: ['소유권보존', '소유권이전', '소유권일부이전', '가압류', '압류', '가처분', '소유권이전청구권가등기', '임의경매개시결정', '강제경매개시결정', '신탁', '가압류등기말소'],
  eulgu: ['근저당권설정', '근저당권변경', '근저당권이전', '전세권설정', '주택임차권', '지상권설정', '근저당권설정등기말소'],
};
/** What a date-time field shows for a stored 열람 일시 (a bare date reads as midnight). */
function localDateTime(v: string | null): string {
  if (!v) return '';
  return v.length === 10 ? `${v}T00:00` : v.slice(0, 16);
}

const MAIN_USES = ['다세대주택', '연립주택', '아파트', '다가구주택', '단독주택', '업무시설(오피스텔)', '제1종근린생활시설', '제2종근린생활시설'];

export interface EditorProps {
  doc: EditDoc;
  errors: Record<string, Bilingual>;
  onChange(fn: (d: EditDoc) => void): void;
  /** A money field waits for the user to settle an ambiguous amount: do not save it yet. */
  onPending(field: string, pending: boolean): void;
  /** The listing's deposit, to check the contract's payments against (a warning). */
  deposit?: number | null;
}

function TriSelect(props: { id: string; value: boolean | null; onChange(v: boolean | null): void }) {
  const { t } = useTranslation();
  return (
    <select id={props.id} value={props.value === null ? '' : props.value ? 'yes' : 'no'} onChange={(e) => props.onChange(e.target.value === '' ? null : e.target.value === 'yes')}>
      <option value="">{t('rights.editor.unknown')}</option>
      <option value="yes">{t('rights.editor.yes')}</option>
      <option value="no">{t('rights.editor.no')}</option>
    </select>
  );
}

function Money(props: { id: string; field: string; value: number | null; set(v: number | null): void; onPending: EditorProps['onPending'] }) {
  return (
    <MoneyInput
      id={props.id}
      name={props.field}
      value={props.value}
      optional
      onChange={(s: MoneyState) => {
        props.onPending(props.field, s.pending);
        if (!s.pending) props.set(s.value);
      }}
    />
  );
}

function EntryRows({ gu, p }: { gu: 'gapgu' | 'eulgu'; p: EditorProps }) {
  const { t } = useTranslation();
  const list = p.doc[gu];
  const err = (i: number, f: string) => p.errors[`${gu}.${i}.${f}`];
  const set = (i: number, patch: Partial<EditEntry>) => p.onChange((d) => Object.assign(d[gu][i], patch));
  return (
    <fieldset className="rights-gu" data-testid={`rights-${gu}`}>
      <legend>{t(`rights.editor.${gu}`)}</legend>
      <datalist id={`rights-purposes-${gu}`}>{PURPOSES[gu].map((v) => <option key={v} value={v} />)}</datalist>
      {list.length === 0 && <p className="muted small">{t('rights.editor.noEntries')}</p>}
      {list.map((e, i) => (
        <div key={e.key} className={`rights-entry${e.cancelled ? ' cancelled' : ''}`} data-testid="rights-entry">
          <Field label={t('rights.editor.rank')} error={err(i, 'rank')}>
            {(id) => <input id={id} name="rank" value={e.rank} onChange={(ev) => set(i, { rank: ev.target.value })} />}
          </Field>
          <Field label={t('rights.editor.purpose')} error={err(i, 'purpose')}>
            {(id) => <input id={id} name="purpose" list={`rights-purposes-${gu}`} value={e.purpose} onChange={(ev) => set(i, { purpose: ev.target.value })} />}
          </Field>
          <Field label={t('rights.editor.receivedAt')} error={err(i, 'receivedAt')}>
            {(id) => <input id={id} name="receivedAt" type="date" value={e.receivedAt ?? ''} onChange={(ev) => set(i, { receivedAt: ev.target.value || null })} />}
          </Field>
          <Field label={t('rights.editor.receiptNo')} error={err(i, 'receiptNo')}>
            {(id) => <input id={id} name="receiptNo" placeholder="제12345호" value={e.receiptNo ?? ''} onChange={(ev) => set(i, { receiptNo: ev.target.value || null })} />}
          </Field>
          <div className="rights-span2"><Field label={t('rights.editor.cause')} error={err(i, 'cause')}>
            {(id) => <input id={id} name="cause" value={e.cause ?? ''} onChange={(ev) => set(i, { cause: ev.target.value || null })} />}
          </Field></div>
          <div className="rights-span2"><Field label={t('rights.editor.holders')} hint={t('rights.editor.holdersHint')} error={err(i, 'holders')}>
            {(id) => <input id={id} name="holders" value={e.holdersText} onChange={(ev) => set(i, { holdersText: ev.target.value })} />}
          </Field></div>
          {gu === 'eulgu' && (
            <div className="rights-span2"><Field label={t('rights.editor.maxClaim')} error={err(i, 'maxClaim')}>
              {(id) => <Money id={id} field={`${gu}.${e.key}.maxClaim`} value={e.maxClaim} set={(v) => set(i, { maxClaim: v })} onPending={p.onPending} />}
            </Field></div>
          )}
          <div className="rights-entry-actions">
            <label className="check">
              <input type="checkbox" name="cancelled" checked={e.cancelled} onChange={(ev) => set(i, { cancelled: ev.target.checked })} /> {t('rights.editor.cancelled')}
            </label>
            <button type="button" className="link danger-text" onClick={() => { p.onPending(`${gu}.${e.key}.maxClaim`, false); p.onChange((d) => { d[gu].splice(i, 1); }); }}>{t('rights.editor.removeEntry')}</button>
          </div>
        </div>
      ))}
      <button type="button" data-testid={`rights-add-${gu}`} onClick={() => p.onChange((d) => { d[gu].push(blankEntry(String(d[gu].length + 1))); })}>
        {t('rights.editor.addEntry')}
      </button>
    </fieldset>
  );
}

export function RegistryEditor(p: EditorProps) {
  const { t } = useTranslation();
  const { doc, errors } = p;
  const c = doc.contract;
  const tri = (label: string, value: boolean | null, set: (d: EditDoc, v: boolean | null) => void, error?: Bilingual) => (
    <Field label={label} error={error}>{(id) => <TriSelect id={id} value={value} onChange={(v) => p.onChange((d) => set(d, v))} />}</Field>
  );
  const dateField = (label: string, path: string, value: string | null, set: (d: EditDoc, v: string | null) => void) => (
    <Field label={label} error={errors[path]}>
      {(id) => <input id={id} name={path} type="date" value={value ?? ''} onChange={(e) => p.onChange((d) => set(d, e.target.value || null))} />}
    </Field>
  );
  const pay = (key: 'downPayment' | 'interimPayment' | 'balance') => (
    <div className="rights-pay" key={key}>
      <Field label={`${t(`rights.editor.${key}`)} · ${t('rights.editor.amount')}`} error={errors[`contract.${key}.amount`]}>
        {(id) => <Money id={id} field={`contract.${key}.amount`} value={c[key].amount} set={(v) => p.onChange((d) => { d.contract[key].amount = v; })} onPending={p.onPending} />}
      </Field>
      {dateField(`${t(`rights.editor.${key}`)} · ${t('rights.editor.date')}`, `contract.${key}.date`, c[key].date, (d, v) => { d.contract[key].date = v; })}
    </div>
  );
  return (
    <div className="rights-editor">
      <fieldset>
        <legend>{t('rights.editor.certificate')}</legend>
        <div className="form-grid">
          <Field label={t('rights.editor.issuedAt')} error={errors['certificate.issuedAt']}>
            {(id) => (
              <input id={id} name="issuedAt" type="datetime-local" value={localDateTime(doc.certificate.issuedAt)}
                onChange={(e) => p.onChange((d) => { d.certificate.issuedAt = e.target.value || null; })} />
            )}
          </Field>
          {tri(t('rights.editor.collective'), doc.certificate.collective, (d, v) => { d.certificate.collective = v; })}
        </div>
      </fieldset>
      <EntryRows gu="gapgu" p={p} />
      <EntryRows gu="eulgu" p={p} />
      <fieldset>
        <legend>{t('rights.editor.landlord')}</legend>
        <div className="form-grid">
          {tri(t('rights.editor.actingAsAgent'), doc.landlord.actingAsAgent, (d, v) => { d.landlord.actingAsAgent = v; })}
          {tri(t('rights.editor.agentDocumentsChecked'), doc.landlord.agentDocumentsChecked, (d, v) => { d.landlord.agentDocumentsChecked = v; })}
          {tri(t('rights.editor.trustConsent'), doc.landlord.trustConsent, (d, v) => { d.landlord.trustConsent = v; })}
          {tri(t('rights.editor.taxArrears'), doc.landlord.taxArrears, (d, v) => { d.landlord.taxArrears = v; }, errors['landlord.taxArrears'])}
          <Field label={t('rights.editor.seniorDeposits')} error={errors['landlord.seniorDeposits']}>
            {(id) => <Money id={id} field="landlord.seniorDeposits" value={doc.landlord.seniorDeposits} set={(v) => p.onChange((d) => { d.landlord.seniorDeposits = v; })} onPending={p.onPending} />}
          </Field>
          {tri(t('rights.editor.seniorDepositsDisclosed'), doc.landlord.seniorDepositsDisclosed, (d, v) => { d.landlord.seniorDepositsDisclosed = v; })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('rights.editor.building')}</legend>
        <div className="form-grid">
          <label className="check">
            <input type="checkbox" name="buildingChecked" checked={doc.buildingRegister.checked}
              onChange={(e) => p.onChange((d) => { d.buildingRegister.checked = e.target.checked; })} /> {t('rights.editor.buildingChecked')}
          </label>
          {tri(t('rights.editor.violation'), doc.buildingRegister.violation, (d, v) => { d.buildingRegister.violation = v; })}
          <Field label={t('rights.editor.mainUse')} error={errors['buildingRegister.mainUse']}>
            {(id) => (
              <>
                <input id={id} name="mainUse" list="rights-main-uses" value={doc.buildingRegister.mainUse ?? ''} onChange={(e) => p.onChange((d) => { d.buildingRegister.mainUse = e.target.value || null; })} />
                <datalist id="rights-main-uses">{MAIN_USES.map((v) => <option key={v} value={v} />)}</datalist>
              </>
            )}
          </Field>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('rights.editor.contract')}</legend>
        <div className="form-grid">
          {dateField(t('rights.editor.contractDate'), 'contract.contractDate', c.contractDate, (d, v) => { d.contract.contractDate = v; })}
          {tri(t('rights.editor.loanOrGuarantee'), c.loanOrGuarantee, (d, v) => { d.contract.loanOrGuarantee = v; })}
        </div>
        {pay('downPayment')}
        {pay('interimPayment')}
        {pay('balance')}
        {(() => {
          const w = paymentsMismatch(p.deposit, [c.downPayment.amount, c.interimPayment.amount, c.balance.amount]);
          return w ? <p className="field-warning" role="note" data-testid="payments-warning">{t(`privacy.check.${w.key}`, w.values)}</p> : null;
        })()}
        {(() => {
          const w = implausibleDate('contract.moveInDate', c.moveInDate);
          return w ? <p className="field-warning" role="note">{t(`privacy.check.${w.key}`, w.values)}</p> : null;
        })()}
        <div className="form-grid">
          {dateField(t('rights.editor.moveInDate'), 'contract.moveInDate', c.moveInDate, (d, v) => { d.contract.moveInDate = v; })}
          {dateField(t('rights.editor.fixedDate'), 'contract.fixedDate', c.fixedDate, (d, v) => { d.contract.fixedDate = v; })}
          {dateField(t('rights.editor.endDate'), 'contract.endDate', c.endDate, (d, v) => { d.contract.endDate = v; })}
        </div>
      </fieldset>
    </div>
  );
}
