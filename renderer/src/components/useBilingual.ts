import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../electron/api/errors.js';
import { ApiCallError } from '../api/client.js';

/** Picks the message for the current language. */
export function useBilingual() {
  const { i18n } = useTranslation();
  return (b: Bilingual | undefined | null) => (b ? (i18n.language === 'en' ? b.en : b.ko) : '');
}

/** Field path → message, from a VALIDATION error (for inline display; several join). */
export function fieldErrors(e: unknown): Record<string, Bilingual> {
  if (!(e instanceof ApiCallError) || !e.body.fields) return {};
  const out: Record<string, Bilingual> = {};
  for (const f of e.body.fields) {
    const prev = out[f.path];
    out[f.path] = prev ? { ko: `${prev.ko} ${f.message.ko}`, en: `${prev.en} ${f.message.en}` } : f.message;
  }
  return out;
}

/** The banner of a form whose fields are marked with their own messages. */
export const CHECK_MARKED_FIELDS: Bilingual = { ko: '표시된 항목을 확인하세요.', en: 'Check the marked fields.' };

/**
 * The message for a form's banner. Validation details are shown beside each field, so the
 * banner only says so (the API's own text names fields by their code, e.g. roadAddress).
 */
export function bannerMessage(e: unknown): Bilingual {
  if (e instanceof ApiCallError) {
    return e.body.code === 'VALIDATION' ? CHECK_MARKED_FIELDS : e.body.message;
  }
  return { ko: String(e), en: String(e) };
}
