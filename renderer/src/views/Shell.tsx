// The app shell: navigation ready for the later modules, the signed-in manager, lock,
// language, and the notices area (with undo).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { useScreenHeading } from '../a11y/screen.js';
import { NoticeItem } from '../a11y/NoticeItem.js';
import { useApp, type Route } from '../store/app.js';
import { LanguageToggle } from '../components/LanguageToggle.js';
import { Dashboard } from './Dashboard.js';
import { ClientsView, ClientEditor } from './Clients.js';
import { CasesView, CaseDetail, CaseEditor } from './Cases.js';
import { ListingsView, ListingEditor } from './Listings.js';
import { SettingsView } from './Settings.js';
import { ChecklistsHome } from './checklists/ChecklistsHome.js';
import { ListingRuns } from './checklists/ListingRuns.js';
import { RunScreen } from './checklists/RunScreen.js';
import { RightsScreen } from './rights/RightsScreen.js';
import { CalculatorsView } from './rights/Calculators.js';
import { ViewingsHome } from './viewings/ViewingsHome.js';
import { ViewingPlanner } from './viewings/ViewingPlanner.js';
import { ViewingScreen } from './viewings/ViewingScreen.js';
import { ReportsHome } from './viewings/ReportsHome.js';
import { SiteStudy } from './geo/SiteStudy.js';
import { PolicyHome } from './policy/ProgrammeList.js';
import { StatisticsView } from './stats/StatisticsView.js';

const NAV: { key: string; route: Route; ready: boolean; /** i18n key, when not nav.<key> */ label?: string }[] = [
  { key: 'dashboard', route: { name: 'dashboard' }, ready: true },
  { key: 'clients', route: { name: 'clients' }, ready: true },
  { key: 'cases', route: { name: 'cases' }, ready: true },
  { key: 'listings', route: { name: 'listings' }, ready: true },
  { key: 'checklists', route: { name: 'checklists' }, ready: true },
  { key: 'viewings', route: { name: 'viewings' }, ready: true },
  { key: 'reports', route: { name: 'reports' }, ready: true },
  { key: 'policies', route: { name: 'policy' }, ready: true },
  { key: 'siteStudy', route: { name: 'siteStudy' }, ready: true },
  { key: 'statistics', route: { name: 'statistics' }, ready: true },
  { key: 'calculators', route: { name: 'calculators' }, ready: true, label: 'rights.navCalculators' },
  { key: 'settings', route: { name: 'settings' }, ready: true },
];

function sectionOf(route: Route): string {
  switch (route.name) {
    case 'client':
      return 'clients';
    case 'case':
    case 'caseNew':
      return 'cases';
    case 'listing':
      return 'listings';
    case 'rights':
      return 'cases';
    case 'checklistListing':
    case 'checklistRun':
      return 'checklists';
    case 'viewingPlan':
    case 'viewing':
      return 'viewings';
    case 'soon':
      return route.module;
    case 'policy':
      return 'policies';
    default:
      return route.name;
  }
}

function Screen({ route }: { route: Route }) {
  const { t } = useTranslation();
  switch (route.name) {
    case 'dashboard':
      return <Dashboard />;
    case 'clients':
      return <ClientsView />;
    case 'client':
      return <ClientEditor id={route.id} />;
    case 'cases':
      return <CasesView clientId={route.clientId} />;
    case 'case':
      return <CaseDetail id={route.id} />;
    case 'caseNew':
      return <CaseEditor clientId={route.clientId} />;
    case 'listings':
      return <ListingsView />;
    case 'listing':
      return <ListingEditor caseId={route.caseId} id={route.id} />;
    case 'settings':
      return <SettingsView />;
    case 'rights':
      return <RightsScreen listingId={route.listingId} caseId={route.caseId} />;
    case 'calculators':
      return <CalculatorsView />;
    case 'checklists':
      return <ChecklistsHome />;
    case 'checklistListing':
      return <ListingRuns listingId={route.listingId} />;
    case 'checklistRun':
      return <RunScreen id={route.id} />;
    case 'viewings':
      return <ViewingsHome />;
    case 'viewingPlan':
      return <ViewingPlanner caseId={route.caseId} id={route.id} listingId={route.listingId} />;
    case 'viewing':
      return <ViewingScreen id={route.id} />;
    case 'reports':
      return <ReportsHome caseId={route.caseId} />;
    case 'siteStudy':
      return <SiteStudy />;
    case 'policy':
      return <PolicyHome />;
    case 'statistics':
      return <StatisticsView />;
    case 'soon':
      return (
        <section className="page">
          <h1>{t(`nav.${route.module}`)}</h1>
          <p className="muted">{t('nav.soon')}</p>
        </section>
      );
  }
}

export function Shell() {
  const { t } = useTranslation();
  const { session, route, go, setSession, notices, dismiss } = useApp();
  const current = sectionOf(route);
  // Accessibility: the screen's heading names the page and takes focus after navigation; below
  // ~900 px the sidebar folds into a menu button; a skip link jumps over the menu.
  const main = useRef<HTMLElement>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const navEntry = NAV.find((n) => n.key === current);
  useScreenHeading(main, JSON.stringify(route), navEntry ? t(navEntry.label ?? `nav.${navEntry.key}`) : t('app.name'), t('a11y.titleSuffix'));
  useEffect(() => setMenuOpen(false), [route]);
  const skip = (e: React.MouseEvent) => {
    // No hash navigation: the browser host keeps its token in the fragment on first load.
    e.preventDefault();
    const h1 = main.current?.querySelector('h1');
    const target = (h1 ?? main.current) as HTMLElement | null;
    if (target && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target?.focus();
  };
  return (
    <div className={`shell${menuOpen ? ' menu-open' : ''}`}>
      <a className="skip-link" href="#main-content" onClick={skip}>{t('a11y.skipToContent')}</a>
      <div className="topbar">
        <span className="brand">{t('app.name')}</span>
        <button
          type="button"
          ref={menuButton}
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((o) => !o)}
        >
          <span aria-hidden="true">☰</span> {t('a11y.menu')}
        </button>
      </div>
      <nav
        className="sidebar"
        id="main-nav"
        aria-label={t('a11y.mainNav')}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && menuOpen) {
            setMenuOpen(false);
            menuButton.current?.focus();
          }
        }}
      >
        <div className="brand-block">
          <div className="brand">{t('app.name')}</div>
          <div className="muted small">{t('app.tagline')}</div>
        </div>
        <ul>
          {NAV.map((n) => (
            <li key={n.key}>
              <button type="button" className={current === n.key ? 'nav active' : 'nav'} aria-current={current === n.key ? 'page' : undefined} onClick={() => go(n.route)}>
                {t(n.label ?? `nav.${n.key}`)}
                {!n.ready && <span className="soon">{t('nav.soon')}</span>}
              </button>
            </li>
          ))}
        </ul>
        <div className="sidebar-foot">
          <div className="who">
            <strong>{session?.manager?.name}</strong>
            {session?.manager?.isDemo && <span className="badge demo">{t('app.demoBadge')}</span>}
            <div className="muted small">{session?.manager?.center}</div>
          </div>
          <div className="row">
            <button type="button" onClick={async () => setSession(await api('session.lock'))}>{t('session.lock')}</button>
            <LanguageToggle />
          </div>
          <button type="button" className="link" onClick={async () => setSession(await api('session.end'))}>{t('session.signOut')}</button>
        </div>
      </nav>
      <main className="content" id="main-content" ref={main} tabIndex={-1}>
        {session?.demo.present && (
          <div className="demo-banner" role="note">
            <span className="badge demo">{t('app.demoBadge')}</span> {t('dashboard.demoNotice')}
          </div>
        )}
        <Screen route={route} />
        <footer className="disclaimer">{t('app.notAdvice')}</footer>
      </main>
      <div className="notices" role="region" aria-live="polite" aria-label={t('a11y.notices')}>
        {notices.map((n) => (
          <NoticeItem key={n.id} notice={n} onDismiss={() => dismiss(n.id)} />
        ))}
      </div>
    </div>
  );
}
