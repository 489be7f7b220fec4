import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ko } from './ko.js';
import { en } from './en.js';
import * as checklists from './modules/checklists.js';
import * as rights from './modules/rights.js';
import * as geo from './modules/geo.js';
import * as viewings from './modules/viewings.js';
import * as legal from './modules/legal.js';
import * as a11y from './modules/a11y.js';

import * as policy from './modules/policy.js';
import * as stats from './modules/stats.js';
import * as privacy from './modules/privacy.js';
import * as lease from './modules/lease.js';
import * as listingmap from './modules/listingmap.js';
import * as backup from './modules/backup.js';

/** Each module's strings sit beside the shell's, under the module's own top-level keys. */
const modules = [checklists, rights, geo, viewings, legal, a11y, policy, stats, privacy, lease, listingmap, backup];
export const resources = {
  ko: { translation: Object.assign({}, ko, ...modules.map((m) => m.ko)) },
  en: { translation: Object.assign({}, en, ...modules.map((m) => m.en)) },
};

export type Lang = 'ko' | 'en';

const stored = (typeof localStorage !== 'undefined' && localStorage.getItem('ansim.lang')) as Lang | null;

void i18next.use(initReactI18next).init({
  resources,
  lng: stored === 'en' ? 'en' : 'ko',
  fallbackLng: 'ko',
  interpolation: { escapeValue: false },
  returnNull: false,
});
// The page's language follows the stored choice from the first paint (screen readers pick
// their voice from it), not only after the toggle is pressed.
if (typeof document !== 'undefined') document.documentElement.lang = stored === 'en' ? 'en' : 'ko';

export function setLanguage(lang: Lang) {
  localStorage.setItem('ansim.lang', lang);
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

export function currentLang(): Lang {
  return i18next.language === 'en' ? 'en' : 'ko';
}

export default i18next;
