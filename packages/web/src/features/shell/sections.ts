import type { Section } from '@pulse/contracts';

/** Where each app section lives, in the order the navigation lists them. */
export const SECTION_PATHS: Readonly<Record<Section, string>> = {
  home: '/',
  dashboard: '/dashboard',
  myDay: '/my-day',
  leads: '/leads',
  companies: '/companies',
  contacts: '/contacts',
  deals: '/deals',
  activities: '/activities',
  tasks: '/tasks',
  products: '/products',
  sales: '/sales',
  plans: '/plans',
  kpiTargets: '/kpi-targets',
  departments: '/departments',
  digest: '/digest',
  structure: '/structure',
  people: '/people',
  calendar: '/calendar',
  pipelines: '/pipelines',
  audit: '/audit',
  settings: '/settings',
};

export const SECTION_ORDER: readonly Section[] = [
  'home',
  'dashboard',
  'myDay',
  'leads',
  'companies',
  'contacts',
  'deals',
  'activities',
  'tasks',
  'products',
  'sales',
  'plans',
  'kpiTargets',
  'departments',
  'digest',
  'structure',
  'people',
  'calendar',
  'pipelines',
  'audit',
  'settings',
];

export function isSectionActive(section: Section, pathname: string): boolean {
  const path = SECTION_PATHS[section];
  return path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
}
