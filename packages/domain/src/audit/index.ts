export * from './diff-fields.ts';
