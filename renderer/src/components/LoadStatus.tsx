import { useTranslation } from 'react-i18next';
import type { Loaded } from '../api/useLoad.js';
import { useBilingual } from './useBilingual.js';

/**
 * What a screen shows before its data is there: "loading", or the error with a retry button.
 * Renders nothing once data has loaded (a failed reload keeps the old data and says why).
 */
export function LoadStatus({ state }: { state: Pick<Loaded<unknown>, 'data' | 'loading' | 'error' | 'reload'> }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  if (state.error) {
    return (
      <div className="error" role="alert">
        {tr(state.error)} <button type="button" onClick={state.reload}>{t('common.retry')}</button>
      </div>
    );
  }
  if (state.data === undefined) return <p className="muted" role="status">{t('common.loading')}</p>;
  return null;
}
