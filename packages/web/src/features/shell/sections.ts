import type { Section } from '@pulse/contracts';

/** Where each app section lives, in the order the navigation lists them. */
export const SECTION_PATHS: Readonly<Record<Section, string>> = {
  home: '/',
  structure: '/structure',
  people: '/people',
  calendar: '/calendar',
  audit: '/audit',
  settings: '/settings',
};

export const SECTION_ORDER: readonly Section[] = ['home', 'structure', 'people', 'calendar', 'audit', 'settings'];

export function isSectionActive(section: Section, pathname: string): boolean {
  const path = SECTION_PATHS[section];
  return path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
}
