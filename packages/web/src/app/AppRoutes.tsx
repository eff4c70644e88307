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
const DashboardPage = page(() => import('../features/dashboard/DashboardPage.tsx'), 'DashboardPage');
const StructurePage = page(() => import('../features/structure/StructurePage.tsx'), 'StructurePage');
const PeoplePage = page(() => import('../features/people/PeoplePage.tsx'), 'PeoplePage');
const RepCardPage = page(() => import('../features/rep-card/RepCardPage.tsx'), 'RepCardPage');
const CalendarPage = page(() => import('../features/calendar/CalendarPage.tsx'), 'CalendarPage');
const AuditPage = page(() => import('../features/audit/AuditPage.tsx'), 'AuditPage');
const SettingsPage = page(() => import('../features/settings/SettingsPage.tsx'), 'SettingsPage');
const CompaniesPage = page(() => import('../features/companies/CompaniesPage.tsx'), 'CompaniesPage');
const CompanyPage = page(() => import('../features/companies/CompanyPage.tsx'), 'CompanyPage');
const ContactsPage = page(() => import('../features/contacts/ContactsPage.tsx'), 'ContactsPage');
const ContactPage = page(() => import('../features/contacts/ContactPage.tsx'), 'ContactPage');
const DealsPage = page(() => import('../features/deals/DealsPage.tsx'), 'DealsPage');
const DealPage = page(() => import('../features/deals/DealPage.tsx'), 'DealPage');
const PipelineBoardPage = page(() => import('../features/board/PipelineBoardPage.tsx'), 'PipelineBoardPage');
const LeadsPage = page(() => import('../features/leads/LeadsPage.tsx'), 'LeadsPage');
const LeadPage = page(() => import('../features/leads/LeadPage.tsx'), 'LeadPage');
const ActivitiesPage = page(() => import('../features/activities/ActivitiesPage.tsx'), 'ActivitiesPage');
const TasksPage = page(() => import('../features/tasks/TasksPage.tsx'), 'TasksPage');
const ProductsPage = page(() => import('../features/products/ProductsPage.tsx'), 'ProductsPage');
const ProductGroupsPage = page(() => import('../features/products/ProductGroupsPage.tsx'), 'ProductGroupsPage');
const SalesPage = page(() => import('../features/sales/SalesPage.tsx'), 'SalesPage');
const MyDayPage = page(() => import('../features/my-day/MyDayPage.tsx'), 'MyDayPage');
const PlansPage = page(() => import('../features/plans/PlansPage.tsx'), 'PlansPage');
const PlanEditorPage = page(() => import('../features/plans/PlanEditorPage.tsx'), 'PlanEditorPage');
const PlanProgressPage = page(() => import('../features/plans/progress/PlanProgressPage.tsx'), 'PlanProgressPage');
const PdcaPage = page(() => import('../features/pdca/PdcaPage.tsx'), 'PdcaPage');
const KpiTargetsPage = page(() => import('../features/kpi-targets/KpiTargetsPage.tsx'), 'KpiTargetsPage');
const DepartmentsPage = page(() => import('../features/departments/DepartmentsPage.tsx'), 'DepartmentsPage');
const DigestPage = page(() => import('../features/digest/DigestPage.tsx'), 'DigestPage');
const PipelinesPage = page(() => import('../features/pipelines/PipelinesPage.tsx'), 'PipelinesPage');

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
        <Route path="dashboard" element={guarded('dashboard', <DashboardPage />)} />
        <Route path="structure" element={guarded('structure', <StructurePage />)} />
        <Route path="people" element={guarded('people', <PeoplePage />)} />
        <Route path="people/:userId/card" element={guarded('people', <RepCardPage />)} />
        <Route path="calendar" element={guarded('calendar', <CalendarPage />)} />
        <Route path="audit" element={guarded('audit', <AuditPage />)} />
        <Route path="settings" element={guarded('settings', <SettingsPage />)} />
        <Route path="companies" element={guarded('companies', <CompaniesPage />)} />
        <Route path="companies/:id" element={guarded('companies', <CompanyPage />)} />
        <Route path="contacts" element={guarded('contacts', <ContactsPage />)} />
        <Route path="contacts/:id" element={guarded('contacts', <ContactPage />)} />
        <Route path="deals" element={guarded('deals', <DealsPage />)} />
        <Route path="deals/board" element={guarded('deals', <PipelineBoardPage />)} />
        <Route path="deals/:id" element={guarded('deals', <DealPage />)} />
        <Route path="leads" element={guarded('leads', <LeadsPage />)} />
        <Route path="leads/:id" element={guarded('leads', <LeadPage />)} />
        <Route path="activities" element={guarded('activities', <ActivitiesPage />)} />
        <Route path="tasks" element={guarded('tasks', <TasksPage />)} />
        <Route path="products" element={guarded('products', <ProductsPage />)} />
        <Route path="products/groups" element={guarded('products', <ProductGroupsPage />)} />
        <Route path="sales" element={guarded('sales', <SalesPage />)} />
        <Route path="plans" element={guarded('plans', <PlansPage />)} />
        <Route path="plans/:id" element={guarded('plans', <PlanEditorPage />)} />
        <Route path="plans/:id/pdca" element={guarded('plans', <PdcaPage />)} />
        <Route path="plans/:id/progress" element={guarded('plans', <PlanProgressPage />)} />
        <Route path="my-day" element={guarded('myDay', <MyDayPage />)} />
        <Route path="kpi-targets" element={guarded('kpiTargets', <KpiTargetsPage />)} />
        <Route path="departments" element={guarded('departments', <DepartmentsPage />)} />
        <Route path="digest" element={guarded('digest', <DigestPage />)} />
        <Route path="pipelines" element={guarded('pipelines', <PipelinesPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
