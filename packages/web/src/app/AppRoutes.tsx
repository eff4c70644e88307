import type { Section } from '@pulse/contracts';
import { type ComponentType, lazy, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { InvitePage } from '../features/auth/InvitePage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { SessionGate } from '../features/auth/session.tsx';
import { NotFoundPage } from '../features/not-found/NotFoundPage.tsx';
import { AppLayout } from '../features/shell/AppLayout.tsx';
import { SectionGuard } from '../features/shell/SectionGuard.tsx';

/** Each section is its own chunk: a sales manager never downloads the audit log or calendar admin. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const HomePage = page(() => import('../features/home/HomePage.tsx'), 'HomePage');
const StructurePage = page(() => import('../features/structure/StructurePage.tsx'), 'StructurePage');
const PeoplePage = page(() => import('../features/people/PeoplePage.tsx'), 'PeoplePage');
const CalendarPage = page(() => import('../features/calendar/CalendarPage.tsx'), 'CalendarPage');
const AuditPage = page(() => import('../features/audit/AuditPage.tsx'), 'AuditPage');
const SettingsPage = page(() => import('../features/settings/SettingsPage.tsx'), 'SettingsPage');

function guarded(section: Section, element: ReactNode) {
  return <SectionGuard section={section}>{element}</SectionGuard>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/invite/:token" element={<InvitePage />} />
      <Route
        element={
          <SessionGate>
            <AppLayout />
          </SessionGate>
        }
      >
        <Route index element={guarded('home', <HomePage />)} />
        <Route path="structure" element={guarded('structure', <StructurePage />)} />
        <Route path="people" element={guarded('people', <PeoplePage />)} />
        <Route path="calendar" element={guarded('calendar', <CalendarPage />)} />
        <Route path="audit" element={guarded('audit', <AuditPage />)} />
        <Route path="settings" element={guarded('settings', <SettingsPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
