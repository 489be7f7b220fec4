// A case's statistics as the city counts them: its consultation types (several), moving into
// Seoul, the listing's district, the risk verdict and the close-of-case survey (5-point).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useApp } from '../../store/app.js';
import { SEOUL_DISTRICTS } from '../../../../electron/api/domain.js';
import { bannerMessage, useBilingual } from '../../components/useBilingual.js';

const TYPES = ['contract', 'search', 'viewing', 'contract_day', 'policy'] as const;
const ITEMS = ['solved', 'expertise', 'kindness', 'convenience', 'recommend'] as const;
type Item = (typeof ITEMS)[number];

export function CaseStatsCard({ caseId, closedOn }: { caseId: string; closedOn: string | null }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  const { notify } = useApp();
  const [types, setTypes] = useState<string[]>([]);
  const [moving, setMoving] = useState<'' | 'yes' | 'no'>('');
  const [listingDistrict, setListingDistrict] = useState('');
  const [verdict, setVerdict] = useState('');
  const [surveyOn, setSurveyOn] = useState('');
  const [answers, setAnswers] = useState<Partial<Record<Item, number>>>({});
  const [error, setError] = useState('');

  useEffect(() => {
    const load = () => void api('stats.case.get', { caseId }).then((s) => {
      if (!s) return;
      setTypes(s.types);
      setMoving(s.movingIntoSeoul === null ? '' : s.movingIntoSeoul ? 'yes' : 'no');
      setListingDistrict(s.listingDistrict ?? '');
      setVerdict(s.verdict ?? '');
      setSurveyOn(s.survey?.on ?? '');
      setAnswers(s.survey?.answers ?? {});
    });
    load();
    // The programme list records programmes pointed to (and the 정책 안내 type) on the same case.
    window.addEventListener('ansim:case-stats', load);
    return () => window.removeEventListener('ansim:case-stats', load);
  }, [caseId]);

  async function save() {
    setError('');
    try {
      const hasSurvey = Object.values(answers).some((v) => v);
      await api('stats.case.save', {
        caseId,
        types: types as (typeof TYPES)[number][],
        movingIntoSeoul: moving === '' ? null : moving === 'yes',
        listingDistrict: listingDistrict || null,
        verdict: (verdict || null) as 'safe' | 'caution' | 'danger' | null,
        survey: hasSurvey ? { on: surveyOn || closedOn || new Date().toISOString().slice(0, 10), answers } : null,
      });
      notify({ text: t('stats.statsSaved') });
    } catch (e) {
      setError(tr(bannerMessage(e)));
    }
  }

  return (
    <div className="card" data-testid="case-stats">
      <h2>{t('stats.caseStats')}</h2>
      <fieldset className="chips">
        <legend>{t('stats.caseTypes')}</legend>
        {TYPES.map((ty) => (
          <label key={ty} className={types.includes(ty) ? 'chip selected' : 'chip'}>
            <input type="checkbox" checked={types.includes(ty)} onChange={(e) => setTypes(e.target.checked ? [...types, ty] : types.filter((x) => x !== ty))} />
            {t(`stats.types.${ty}`)}
          </label>
        ))}
      </fieldset>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="cs-moving">{t('stats.movingIntoSeoul')}</label>
          <select id="cs-moving" value={moving} onChange={(e) => setMoving(e.target.value as '' | 'yes' | 'no')}>
            <option value="">{t('stats.unknown')}</option>
            <option value="yes">{t('policy.yes')}</option>
            <option value="no">{t('policy.no')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="cs-ld">{t('stats.listingDistrict')}</label>
          <select id="cs-ld" value={listingDistrict} onChange={(e) => setListingDistrict(e.target.value)}>
            <option value="">{t('stats.unknown')}</option>
            {SEOUL_DISTRICTS.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cs-verdict">{t('stats.riskVerdict')}</label>
          <select id="cs-verdict" value={verdict} onChange={(e) => setVerdict(e.target.value)}>
            <option value="">{t('stats.unknown')}</option>
            {(['safe', 'caution', 'danger'] as const).map((v) => <option key={v} value={v}>{t(`stats.verdict.${v}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cs-survey-on">{t('stats.surveyOn')}</label>
          <input id="cs-survey-on" type="date" value={surveyOn} onChange={(e) => setSurveyOn(e.target.value)} />
        </div>
      </div>
      <fieldset>
        <legend>{t('stats.survey')}</legend>
        <div className="form-grid">
          {ITEMS.map((it) => (
            <div className="field" key={it}>
              <label htmlFor={`cs-s-${it}`}>{t(`stats.surveyItem.${it}`)}</label>
              <select id={`cs-s-${it}`} value={answers[it] ?? ''} onChange={(e) => setAnswers({ ...answers, [it]: e.target.value ? Number(e.target.value) : undefined })}>
                <option value="">–</option>
                {[5, 4, 3, 2, 1].map((n) => <option key={n} value={n}>{n}</option>)}
              </select>
            </div>
          ))}
        </div>
      </fieldset>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="actions"><button type="button" className="primary" onClick={save}>{t('stats.saveStats')}</button></div>
    </div>
  );
}
