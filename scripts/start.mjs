// `npm start`: build what is stale, then run the server in this process (migrations and the
// demo organisation are handled by the server itself).
import { register } from 'tsx/esm/api';
import { buildWebIfStale } from './web-build.mjs';

buildWebIfStale();
register();
await import('../packages/server/src/main.ts');
