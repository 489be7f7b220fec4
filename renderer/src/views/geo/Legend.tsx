// A layer's legend: its single colour, its categories, or its graduated classes; for study
// parcels the pass / failing-constraint / score classes.
import { useTranslation } from 'react-i18next';
import { OTHER_COLOR } from './attributeStyle.js';
import { currentLang } from '../../i18n/index.js';
import { FAIL_COLORS, fieldLabel, SCORE_BREAKS, SCORE_RAMP, type MapLayer } from './layers.js';

export function Legend({ layer }: { layer: MapLayer }) {
  const { t } = useTranslation();
  const st = layer.style;
  const items: { color: string; label: string; shape?: 'line' | 'dot' }[] = [];
  if (layer.kind === 'run') {
    SCORE_BREAKS.forEach((b, i) => items.push({ color: SCORE_RAMP[i], label: `${t('geo.legend.pass')} · ${t('geo.legend.score')} ${b.toFixed(1)}${i < SCORE_BREAKS.length - 1 ? `–${SCORE_BREAKS[i + 1].toFixed(1)}` : '–1.0'}` }));
    (layer.resultCodes ?? []).forEach((c, i) => items.push({ color: FAIL_COLORS[i % FAIL_COLORS.length], label: `${t('geo.legend.fail')}: ${c}` }));
  } else if (layer.kind === 'sites') items.push({ color: '#111827', label: t('geo.legend.siteOutline'), shape: 'line' });
  else if (st?.mode === 'categories' && st.categories) {
    for (const c of st.categories) items.push({ color: c.color, label: c.label ?? c.value });
    if (st.other) items.push({ color: OTHER_COLOR, label: t('geo.style.other') });
  }
  else if (st?.mode === 'graduated' && st.breaks) {
    st.breaks.forEach((b, i) => {
      const next = st.breaks![i + 1];
      items.push({ color: b.color, label: b.label ?? (next ? `${fmt(b.min)} – ${fmt(next.min)}` : st.max !== undefined ? `${fmt(b.min)} – ${fmt(st.max)}` : `≥ ${fmt(b.min)}`) });
    });
  } else items.push({ color: layer.color, label: layer.title, shape: layer.geometry === 'point' ? 'dot' : layer.geometry === 'line' ? 'line' : undefined });
  return (
    <ul className="legend" aria-label={t('geo.legend.of', { name: layer.title })}>
      {st?.field && st.mode !== 'single' && <li className="muted small legend-field">{fieldLabel(layer, st.field, currentLang())}{st.method ? ` · ${t(`geo.style.${st.method}`)}` : ''}</li>}
      {items.map((it, i) => (
        <li key={i}>
          <span className={`swatch ${it.shape ?? ''}`} style={{ background: it.shape === 'line' ? undefined : it.color, borderColor: it.color }} aria-hidden="true" />
          {it.label}
        </li>
      ))}
    </ul>
  );
}

const fmt = (n: number) => (Math.abs(n) >= 1000 ? n.toLocaleString() : String(Math.round(n * 100) / 100));
