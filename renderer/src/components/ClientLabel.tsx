import { useTranslation } from 'react-i18next';

/**
 * How a client is named on screen: the name, or 「익명 #3f2a」 (in the current language) for a
 * client without (remaining) consent — the same short id the backend's anonymousLabel uses.
 */
export function useClientLabel() {
  const { t } = useTranslation();
  return (name: string | null | undefined, id: string | undefined) => name ?? (id ? t('client.anonymousLabel', { id: id.slice(0, 4) }) : '');
}
