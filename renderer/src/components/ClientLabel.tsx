import { useTranslation } from 'react-i18next';

/**
 * A client's label as the backend gives it — the name, or 「익명 #3f2a」 for a client without
 * (remaining) consent — in the current language.
 */
export function useClientLabel() {
  const { t } = useTranslation();
  return (label: string | null | undefined) => {
    const m = /^익명 #(\w+)$/.exec(label ?? '');
    return m ? t('client.anonymousLabel', { id: m[1] }) : (label ?? '');
  };
}
