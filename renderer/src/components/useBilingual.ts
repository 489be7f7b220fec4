import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../electron/api/errors.js';
import { ApiCallError } from '../api/client.js';

/** Picks the message for the current language. */
export function useBilingual() {
  const { i18n } = useTranslation();
  return (b: Bilingual | undefined | null) => (b ? (i18n.language === 'en' ? b.en : b.ko) : '');
}

/** Field path → message, from a VALIDATION error (for inline display). */
export function fieldErrors(e: unknown): Record<string, Bilingual> {
  if (!(e instanceof ApiCallError) || !e.body.fields) return {};
  return Object.fromEntries(e.body.fields.map((f) => [f.path, f.message]));
}
