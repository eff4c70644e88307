import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to port 3000, the embedded database in ./data and the demo on', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: null, demo: true });
    expect(config.dataDir).toMatch(/\/data$/);
  });
  it('turns the demo off with PULSE_DEMO=0', () => expect(loadConfig({ PULSE_DEMO: '0' }).demo).toBe(false));
  it('names the bad variable when PORT is not a number', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
  it('names DATABASE_URL when it is not a PostgreSQL URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://localhost/db' })).toThrow(/DATABASE_URL/);
  });
  it('lists every bad variable at once', () => {
    const error = (() => {
      try {
        loadConfig({ PORT: '-1', LOG_LEVEL: 'loud' });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toMatch(/PORT/);
    expect(error?.message).toMatch(/LOG_LEVEL/);
  });
  it('treats an empty variable as unset', () => expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeNull());
});
