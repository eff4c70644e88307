// `npm test`: the whole suite. The browser tests need the built web app, so build it first.
import { spawnSync } from 'node:child_process';
import { buildWebIfStale } from './web-build.mjs';

buildWebIfStale();
const result = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: new URL('..', import.meta.url).pathname,
});
process.exit(result.status ?? 1);
