import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource-variable/noto-sans-kr';
import './i18n/index.js';
import './styles.css';
import { App } from './App.js';
import { startAutoLang } from './a11y/auto-lang.js';

// Hangul inside English screens is marked lang="ko" (a11y/auto-lang.ts).
startAutoLang();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
