// "Where am I" for each screen: the page title names the screen (its heading), and moving to a
// new screen puts keyboard and screen-reader focus on that heading (KWCAG 2.2 제목 제공, 초점 이동).
// It reads the heading the view renders, so a view needs nothing but its <h1>.
import { useEffect, useRef } from 'react';

/** Keeps document.title = "<screen heading> · <app>" and focuses the heading after navigation. */
export function useScreenHeading(main: React.RefObject<HTMLElement | null>, routeKey: string, fallback: string, suffix: string) {
  const focusedFor = useRef<string | null>(null);
  useEffect(() => {
    const root = main.current;
    if (!root) return;
    const update = () => {
      const h1 = root.querySelector('h1');
      const text = h1?.textContent?.replace(/\s+/g, ' ').trim();
      const title = `${text || fallback} · ${suffix}`;
      if (document.title !== title) document.title = title;
      // Focus once per navigation, when the heading has appeared (screens load their data first).
      if (h1 && focusedFor.current !== routeKey) {
        focusedFor.current = routeKey;
        if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
        // Only move focus if it is not already inside the new screen (e.g. an autofocus field).
        const active = document.activeElement;
        if (!active || active === document.body || !root.contains(active) || active.closest('nav')) h1.focus({ preventScroll: true });
      }
    };
    update();
    const obs = new MutationObserver(update);
    obs.observe(root, { childList: true, subtree: true, characterData: true });
    return () => obs.disconnect();
  }, [main, routeKey, fallback, suffix]);
}
