import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n/index.js';

/** One click between Korean and English; the button names the other language. */
export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  return (
    <button type="button" className="lang" onClick={() => setLanguage(i18n.language === 'en' ? 'ko' : 'en')} title="Language / 언어">
      {t('common.language')}
    </button>
  );
}
