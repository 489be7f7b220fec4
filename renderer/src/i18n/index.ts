import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ko } from './ko.js';
import { en } from './en.js';

export type Lang = 'ko' | 'en';

const stored = (typeof localStorage !== 'undefined' && localStorage.getItem('ansim.lang')) as Lang | null;

void i18next.use(initReactI18next).init({
  resources: { ko: { translation: ko }, en: { translation: en } },
  lng: stored === 'en' ? 'en' : 'ko',
  fallbackLng: 'ko',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLanguage(lang: Lang) {
  localStorage.setItem('ansim.lang', lang);
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

export function currentLang(): Lang {
  return i18next.language === 'en' ? 'en' : 'ko';
}

export default i18next;
