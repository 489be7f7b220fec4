// Accessibility helpers for the e2e suites: axe-core injected by the test (never shipped in the
// app), sideways-scroll measurement, and moving between screens whether the sidebar is shown or
// folded into the menu button.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './support.js';

const AXE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page; returns the critical and serious ones. */
export async function axeSerious(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, so the app's strict CSP does not need loosening.
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE);
  const result = (await page.evaluate(`window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
    .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })))`)) as AxeViolation[];
  return result.filter((v) => v.impact === 'critical' || v.impact === 'serious');
}

export const describeViolations = (vs: AxeViolation[]) =>
  vs.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `   ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(0, 3).join(' ')}`).join('\n')}`).join('\n');

/** How far the page scrolls sideways (0 when it reflows). */
export async function sidewaysOverflow(page: Page): Promise<{ px: number; culprits: string[] }> {
  // A string, evaluated in the page: the e2e project is type-checked without the DOM library.
  return page.evaluate(`(() => {
    const w = document.documentElement.clientWidth;
    const px = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - w;
    const culprits = [];
    if (px > 0) {
      for (const el of document.querySelectorAll('main *, .topbar *, .gate *')) {
        const r = el.getBoundingClientRect();
        if (r.right > w + 1 && r.width > 0) {
          // Elements inside their own horizontal scroll box do not count.
          let p = el.parentElement;
          let boxed = false;
          while (p && p !== document.body) {
            const cs = getComputedStyle(p);
            if (['auto', 'scroll', 'hidden'].includes(cs.overflowX) && p.getBoundingClientRect().right <= w + 1) { boxed = true; break; }
            p = p.parentElement;
          }
          if (!boxed) culprits.push(el.tagName.toLowerCase() + '.' + [...el.classList].join('.') + ' right=' + Math.round(r.right) + ' "' + (el.textContent || '').trim().slice(0, 30) + '"');
        }
      }
    }
    return { px, culprits: culprits.slice(0, 8) };
  })()`);
}

/** Clicks a main-menu entry, opening the folded menu first on a narrow window. */
export async function navTo(page: Page, name: string | RegExp) {
  const menu = page.locator('button.menu-button');
  if (await menu.isVisible()) {
    if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  }
  await page.locator('nav#main-nav').getByRole('button', { name, exact: typeof name === 'string' }).click();
}
