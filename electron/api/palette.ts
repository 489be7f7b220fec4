// The one colour palette of Ansim Desk, shared by the screens (renderer/src/styles.css repeats
// these values as CSS custom properties; a unit test keeps the two in step) and the PDF reports
// (electron/backend/reports/layout.ts). Every pair below is checked against WCAG 2.1 AA / KWCAG 2.2
// by renderer/src/theme/contrast.test.ts: text ≥ 4.5:1, control boundaries and focus ring ≥ 3:1.

export const PALETTE = {
  bg: '#f4f6f9',
  panel: '#ffffff',
  ink: '#1c2430',
  muted: '#5d6878',
  /** Decorative dividers only (table rules, card edges): never the only boundary of a control. */
  line: '#dde3ea',
  /** Boundaries of inputs, selects, checkboxes and secondary buttons (≥ 3:1 on white). */
  controlBorder: '#7b8796',
  brand: '#1f5fbf',
  brandInk: '#ffffff',
  nav: '#16263d',
  navInk: '#c9d4e3',
  /** Focus ring on light surfaces; `focusOnDark` on the navy sidebar. */
  focus: '#1f5fbf',
  focusOnDark: '#9cc0ff',
  ok: '#17773f',
  okTint: '#e5f5ec',
  warn: '#8a5300',
  warnTint: '#fff3df',
  danger: '#b3261e',
  dangerTint: '#fde8e6',
  info: '#56657a',
  infoTint: '#e8f0fe',
  infoInk: '#1a4fa0',
  neutralTint: '#eef1f5',
  demo: '#7a4fd1',
  demoTint: '#f3edff',
} as const;

export type PaletteKey = keyof typeof PALETTE;

/** WCAG 2.1 relative luminance of an sRGB hex colour. */
export function luminance(hex: string): number {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m);
  return (x + 0.05) / (y + 0.05);
}

/** Hex → pdf-lib's 0–1 channels. */
export function hexToUnit(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255) as [number, number, number];
}
