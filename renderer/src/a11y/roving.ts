// Arrow keys inside a composite widget (radio group, option group, tab list): one Tab stop for
// the whole group, ←/→/↑/↓ move between its options, Home/End jump to the ends (WAI-ARIA APG).
import type { KeyboardEvent } from 'react';

const NEXT = new Set(['ArrowRight', 'ArrowDown']);
const PREV = new Set(['ArrowLeft', 'ArrowUp']);

/**
 * Handles the arrow keys for the group the event's currentTarget is. `selector` picks the
 * options; `activate` also clicks the option reached (tabs select on focus; answer options do
 * not, so a stray arrow never changes a recorded answer — Space/Enter choose).
 */
export function rovingKeyDown(e: KeyboardEvent<HTMLElement>, opts: { selector: string; activate?: boolean; vertical?: boolean }): void {
  const keys = opts.vertical === false ? { next: new Set(['ArrowRight']), prev: new Set(['ArrowLeft']) } : { next: NEXT, prev: PREV };
  const isNext = keys.next.has(e.key);
  const isPrev = keys.prev.has(e.key);
  if (!isNext && !isPrev && e.key !== 'Home' && e.key !== 'End') return;
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>(opts.selector)].filter((el) => !(el as HTMLButtonElement).disabled);
  if (items.length === 0) return;
  const at = items.indexOf(document.activeElement as HTMLElement);
  let next: number;
  if (e.key === 'Home') next = 0;
  else if (e.key === 'End') next = items.length - 1;
  else next = at === -1 ? 0 : (at + (isNext ? 1 : -1) + items.length) % items.length;
  e.preventDefault();
  // The checklist screen also listens to ↑/↓ on the window to move between items.
  e.stopPropagation();
  for (const [i, el] of items.entries()) el.tabIndex = i === next ? 0 : -1;
  items[next].focus();
  if (opts.activate) items[next].click();
}

/** tabIndex for option `i` of a roving group: the chosen one (or the first when none is). */
export function rovingTabIndex(i: number, selected: boolean, anySelected: boolean): 0 | -1 {
  return selected || (!anySelected && i === 0) ? 0 : -1;
}
