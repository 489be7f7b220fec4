// Hangul inside English screens (a client's name, a district, an address, a registry holder) is
// marked lang="ko" so a screen reader reads it with a Korean voice instead of spelling it out
// (KWCAG 2.2 / WCAG 2.1 3.1.2 language of parts). Views render these values as plain text, so
// this is done in one place: while the page is in English, every element whose own text is
// mostly Hangul gets lang="ko"; back in Korean the marks are removed. Elements that set their
// own lang (the language toggle) are left alone.

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/g;
const LATIN = /[A-Za-z]/g;
const MARK = 'data-auto-lang';

/** True when the text is written mostly in Hangul (more Hangul syllables than Latin letters). */
export function mostlyHangul(text: string): boolean {
  const h = text.match(HANGUL)?.length ?? 0;
  if (h === 0) return false;
  return h >= (text.match(LATIN)?.length ?? 0);
}

function ownText(el: Element): string {
  let s = '';
  for (const n of el.childNodes) if (n.nodeType === 3) s += n.textContent ?? '';
  return s;
}

function tag(root: ParentNode) {
  const els = root instanceof Element ? [root, ...root.querySelectorAll('*')] : [...root.querySelectorAll('*')];
  for (const el of els) {
    if (el.hasAttribute('lang') && !el.hasAttribute(MARK)) continue;
    const text = el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' ? (el as HTMLInputElement).value : ownText(el);
    const ko = mostlyHangul(text);
    if (ko && !el.hasAttribute(MARK)) {
      el.setAttribute('lang', 'ko');
      el.setAttribute(MARK, '');
    } else if (!ko && el.hasAttribute(MARK)) {
      el.removeAttribute('lang');
      el.removeAttribute(MARK);
    }
  }
}

function untagAll() {
  for (const el of document.querySelectorAll(`[${MARK}]`)) {
    el.removeAttribute('lang');
    el.removeAttribute(MARK);
  }
}

/** Starts watching the document; returns a function that stops it. */
export function startAutoLang(): () => void {
  let pending = new Set<ParentNode>();
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const roots = pending;
    pending = new Set();
    if (document.documentElement.lang !== 'en') return;
    for (const r of roots) if (r.isConnected ?? true) tag(r);
  };
  const schedule = (n: ParentNode) => {
    pending.add(n);
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(flush);
    }
  };
  const obs = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes' && r.target === document.documentElement) {
        if (document.documentElement.lang === 'en') schedule(document.body);
        else untagAll();
      } else if (r.type === 'characterData') {
        const p = r.target.parentElement;
        if (p) schedule(p);
      } else if (r.type === 'childList' && r.target instanceof Element) {
        schedule(r.target);
      }
    }
  });
  obs.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  obs.observe(document.body, { childList: true, subtree: true, characterData: true });
  if (document.documentElement.lang === 'en') schedule(document.body);
  return () => obs.disconnect();
}
