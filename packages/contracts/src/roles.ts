import { z } from 'zod';

/** The roles of PRODUCT.md. */
export const ROLES = [
  'commercial_director',
  'head_of_sales',
  'sales_manager',
  'lead_generation',
  'quality_manager',
  'operations',
  'analyst',
  'admin',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** How far a user's view reaches. */
export const ScopeKind = z.enum(['own', 'team', 'subtree', 'organisation']);
export type ScopeKind = z.infer<typeof ScopeKind>;

/** Sections of the web app; the server tells each user which they may open. */
export const Section = z.enum([
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
]);
export type Section = z.infer<typeof Section>;
