export * from './audit.ts';
export * from './auth.ts';
export * from './calendar.ts';
export * from './common.ts';
export * from './errors.ts';
export * from './organization.ts';
export * from './roles.ts';
export * from './structure.ts';
