import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n/index.js';

/**
 * One click between Korean and English; the button names the other language, in that language,
 * and says so with `lang` so a screen reader reads "English" in English and "한국어" in Korean.
 */
export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  const target = i18n.language === 'en' ? 'ko' : 'en';
  return (
    <button type="button" className="lang" lang={target} onClick={() => setLanguage(target)}>
      {t('common.language')}
    </button>
  );
}
