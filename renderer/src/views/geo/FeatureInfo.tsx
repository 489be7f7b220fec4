// Feature info on click: the attributes of what lies under the pointer, with Korean names for
// the fields the app itself adds (study results, shipped layers).
import { useTranslation } from 'react-i18next';
import { useGeo } from './store.js';
import { currentLang } from '../../i18n/index.js';

const KNOWN = new Set(['pnu', 'pass', 'reason', 'score', 'site', 'rank', 'area', 'eligible', 'SIG_KOR_NM', 'SIG_ENG_NM', 'SIG_CD', 'EMD_KOR_NM', 'EMD_ENG_NM', 'EMD_CD', 'name', 'line', 'gu_name', 'type', 'addr']);

export interface InfoFeature {
  layer: string;
  properties: Record<string, unknown>;
}

export function FeatureInfo({ features, onClose }: { features: InfoFeature[]; onClose(): void }) {
  const { t } = useTranslation();
  const layers = useGeo((s) => s.layers);
  const lang = currentLang();
  return (
    <aside className="feature-info" aria-label={t('geo.info.title')}>
      <div className="row">
        <strong>{t('geo.info.title')}</strong>
        <button type="button" className="x" aria-label={t('common.close')} onClick={onClose}>×</button>
      </div>
      {features.map((f, i) => (
        <table key={i} className="kv small">
          <caption>{layers.find((l) => l.id === f.layer)?.title ?? f.layer}</caption>
          <tbody>
            {Object.entries(f.properties ?? {})
              .filter(([k]) => !k.startsWith('ESRI') && !k.startsWith('SHAPE') && !k.startsWith('@'))
              .slice(0, 20)
              .map(([k, v]) => (
                <tr key={k}>
                  <th scope="row">{layers.find((l) => l.id === f.layer)?.fields?.[k]?.[lang] ?? (KNOWN.has(k) ? t(`geo.field.${k}`) : k)}</th>
                  <td>{k === 'pass' ? (v ? t('geo.result.pass') : t('geo.result.fail')) : k === 'score' && Number(v) < 0 ? '—' : String(v ?? '')}</td>
                </tr>
              ))}
          </tbody>
        </table>
      ))}
    </aside>
  );
}
