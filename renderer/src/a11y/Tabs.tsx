// Tabs as WAI-ARIA means them: a tablist of tabs, each controlling its tabpanel, one Tab stop,
// arrow keys between tabs (selection follows focus), Home/End.
import type { ReactNode } from 'react';
import { rovingKeyDown } from './roving.js';

export interface TabSpec<K extends string> { key: K; label: ReactNode }

export const tabId = (base: string, key: string) => `${base}-tab-${key}`;
export const panelId = (base: string, key: string) => `${base}-panel-${key}`;

export function TabList<K extends string>(props: {
  /** Prefix for the tab and panel ids (unique on the screen). */
  base: string;
  tabs: TabSpec<K>[];
  current: K;
  onSelect(key: K): void;
  label: string;
  className?: string;
  tabClassName?(key: K, selected: boolean): string;
  vertical?: boolean;
}) {
  return (
    <div
      role="tablist"
      aria-label={props.label}
      aria-orientation={props.vertical ? 'vertical' : 'horizontal'}
      className={props.className}
      onKeyDown={(e) => rovingKeyDown(e, { selector: '[role="tab"]', activate: true })}
    >
      {props.tabs.map((tab) => {
        const selected = tab.key === props.current;
        return (
          <button
            key={tab.key}
            type="button"
            role="tab"
            id={tabId(props.base, tab.key)}
            aria-selected={selected}
            aria-controls={panelId(props.base, tab.key)}
            tabIndex={selected ? 0 : -1}
            className={props.tabClassName?.(tab.key, selected)}
            onClick={() => props.onSelect(tab.key)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}

/** The panel of the selected tab (only the selected one is rendered). */
export function TabPanel(props: { base: string; tab: string; children: ReactNode; className?: string }) {
  return (
    <div role="tabpanel" id={panelId(props.base, props.tab)} aria-labelledby={tabId(props.base, props.tab)} className={props.className}>
      {props.children}
    </div>
  );
}
