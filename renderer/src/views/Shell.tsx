// The app shell: navigation ready for the later modules, the signed-in manager, lock,
// language, and the notices area (with undo).
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
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

const NAV: { key: string; route: Route; ready: boolean; /** i18n key, when not nav.<key> */ label?: string }[] = [
  { key: 'dashboard', route: { name: 'dashboard' }, ready: true },
  { key: 'clients', route: { name: 'clients' }, ready: true },
  { key: 'cases', route: { name: 'cases' }, ready: true },
  { key: 'listings', route: { name: 'listings' }, ready: true },
  { key: 'checklists', route: { name: 'checklists' }, ready: true },
  { key: 'viewings', route: { name: 'viewings' }, ready: true },
  { key: 'reports', route: { name: 'reports' }, ready: true },
  { key: 'policies', route: { name: 'soon', module: 'policies' }, ready: false },
  { key: 'siteStudy', route: { name: 'siteStudy' }, ready: true },
  { key: 'statistics', route: { name: 'soon', module: 'statistics' }, ready: false },
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
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="주 메뉴">
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
      <main className="content">
        {session?.demo.present && (
          <div className="demo-banner" role="note">
            <span className="badge demo">{t('app.demoBadge')}</span> {t('dashboard.demoNotice')}
          </div>
        )}
        <Screen route={route} />
        <footer className="disclaimer">{t('app.notAdvice')}</footer>
      </main>
      <div className="notices" aria-live="polite">
        {notices.map((n) => (
          <div key={n.id} className={`notice ${n.tone ?? 'info'}`} role="status">
            <span>{n.text}</span>
            {n.undo && (
              <button type="button" onClick={async () => { dismiss(n.id); await n.undo!(); }}>
                {t('common.undo')}
              </button>
            )}
            <button type="button" className="x" aria-label={t('common.close')} onClick={() => dismiss(n.id)}>×</button>
          </div>
        ))}
      </div>
    </div>
  );
}
