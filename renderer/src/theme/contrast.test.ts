// Contrast of the theme, computed from the CSS itself and from the shared palette the PDFs use:
// every text colour against the background it sits on ≥ 4.5:1 (WCAG 2.1 1.4.3 / KWCAG 2.2 5.3.1),
// control boundaries and the focus ring ≥ 3:1 (1.4.11).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contrastRatio, PALETTE } from '../../../electron/api/palette.js';
import { PDF_HEX, PDF_PAIRS } from '../../../electron/backend/reports/layout.js';

const css = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'styles.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

const rootBlock = /:root\s*\{([^}]*)\}/.exec(css)![1];
const vars = Object.fromEntries([...rootBlock.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
const kebab = (k: string) => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function resolve(value: string): string | null {
  const v = value.trim().replace(/\s*!important$/, '');
  const ref = /^var\(--([\w-]+)\)$/.exec(v);
  if (ref) return vars[ref[1]] ? resolve(vars[ref[1]]) : null;
  if (/^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(v)) return v.length === 4 ? `#${[...v.slice(1)].map((c) => c + c).join('')}` : v.toLowerCase();
  if (v === '#fff' || v === 'white') return '#ffffff';
  return null;
}

interface Rule { selector: string; decl: Record<string, string> }
const rules: Rule[] = [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)]
  .map((m) => ({
    selector: m[1].trim(),
    decl: Object.fromEntries([...m[2].matchAll(/([\w-]+)\s*:\s*([^;]+)/g)].map((d) => [d[1], d[2].trim()])),
  }))
  .filter((r) => !r.selector.startsWith('@') && !r.selector.startsWith(':root'));

/** The surface a rule's text sits on when the rule gives no background of its own. */
function surfaces(selector: string): string[] {
  if (/\.sidebar|\.topbar|menu-button|\.brand-block|^\.brand$|\.soon|button\.nav|\.notice/.test(selector)) return [PALETTE.nav];
  if (/^\.gate\b(?!-card)/.test(selector)) return [PALETTE.nav];
  return [PALETTE.panel, PALETTE.bg];
}

describe('theme contrast (styles.css)', () => {
  it('repeats the shared palette exactly', () => {
    for (const [k, hex] of Object.entries(PALETTE)) {
      if (vars[kebab(k)] === undefined) continue; // not every palette entry is a CSS variable
      expect(`${k}=${vars[kebab(k)]}`).toBe(`${k}=${hex}`);
    }
    for (const k of ['ok', 'warn', 'danger', 'info', 'muted', 'brand', 'control-border', 'focus']) expect(vars[k], k).toBeDefined();
  });

  it('every text colour meets 4.5:1 on the background it is drawn on', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const r of rules) {
      if (!r.decl.color) continue;
      const fg = resolve(r.decl.color);
      if (!fg) continue;
      const bgDecl = r.decl.background ?? r.decl['background-color'];
      // Without a background of its own, the text sits on its modifiers' backgrounds
      // (.rights-verdict → .rights-verdict.danger …) or else on the surface around it.
      const modifiers = rules
        .filter((m) => m.selector.startsWith(`${r.selector}.`) && !m.decl.color)
        .map((m) => resolve(m.decl.background ?? m.decl['background-color'] ?? ''))
        .filter((x): x is string => !!x);
      const bgs = bgDecl && resolve(bgDecl) ? [resolve(bgDecl)!] : modifiers.length ? modifiers : surfaces(r.selector);
      // A rule that only sets a background and inherits its text colour is covered below.
      for (const bg of bgs) {
        checked++;
        const ratio = contrastRatio(fg, bg);
        if (ratio < 4.5) failures.push(`${r.selector}: ${fg} on ${bg} = ${ratio.toFixed(2)}`);
      }
    }
    expect(checked).toBeGreaterThan(60);
    expect(failures).toEqual([]);
  });

  it('the 안전/주의/위험/정보 and status colours pass where the issue found them failing', () => {
    const p = PALETTE;
    const pairs: [string, string, string][] = [
      ['주의 badge / selected 주의 answer text', p.warn, p.warnTint],
      ['white on 주의 (selected answer, verdict)', '#ffffff', p.warn],
      ['안전 pill', p.ok, p.okTint],
      ['white on 안전', '#ffffff', p.ok],
      ['위험 pill', p.danger, p.dangerTint],
      ['white on 위험', '#ffffff', p.danger],
      ['white on 정보', '#ffffff', p.info],
      ['진행 status', p.warn, p.warnTint],
      ['완료 status', p.ok, p.okTint],
      ['접수 status', p.infoInk, p.infoTint],
      ['취소 status', p.muted, p.neutralTint],
      ['저장됨', p.ok, p.panel],
      ['money read-back', p.ok, p.panel],
      ['muted on page', p.muted, p.bg],
    ];
    for (const [what, fg, bg] of pairs) expect(contrastRatio(fg, bg), what).toBeGreaterThanOrEqual(4.5);
  });

  it('control boundaries and the focus ring reach 3:1 against what is next to them', () => {
    expect(contrastRatio(PALETTE.controlBorder, PALETTE.panel)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(PALETTE.controlBorder, PALETTE.bg)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(PALETTE.focus, PALETTE.panel)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(PALETTE.focus, PALETTE.bg)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(PALETTE.focusOnDark, PALETTE.nav)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(PALETTE.danger, PALETTE.panel), 'invalid input border').toBeGreaterThanOrEqual(3);
    // Inputs and selects draw their edge in the control colour, not the faint divider colour.
    const input = rules.find((r) => r.selector.startsWith('input, select, textarea'))!;
    expect(input.decl.border).toContain('var(--control-border)');
    const focus = rules.find((r) => r.selector === ':focus-visible')!;
    expect(resolve(focus.decl.outline.split(' ').pop()!)).toBe(PALETTE.focus);
  });

  it('fails on the old theme (the check can fail)', () => {
    expect(contrastRatio('#b86e00', '#fff3df')).toBeLessThan(4.5);
    expect(contrastRatio('#dde3ea', '#ffffff')).toBeLessThan(3);
  });
});

describe('PDF report colours', () => {
  it('every text/background pair the reports print meets 4.5:1', () => {
    for (const { fg, bg, what } of PDF_PAIRS) expect(contrastRatio(PDF_HEX[fg], PDF_HEX[bg]), what).toBeGreaterThanOrEqual(4.5);
  });
  it('uses the same verdict colours as the screens', () => {
    expect(PDF_HEX.safe).toBe(PALETTE.ok);
    expect(PDF_HEX.caution).toBe(PALETTE.warn);
    expect(PDF_HEX.danger).toBe(PALETTE.danger);
  });
});
