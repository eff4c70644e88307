export * from './access/index.ts';
export * from './audit/index.ts';
export * from './calendar/index.ts';
export * from './crm/index.ts';
export * from './kpi/index.ts';
export * from './plan/index.ts';
