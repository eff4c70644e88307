import { resolve } from 'node:path';
import { z } from 'zod';

const Flag = z.enum(['0', '1', 'true', 'false']).transform((value) => value === '1' || value === 'true');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  PULSE_DATA_DIR: z.string().min(1).default('./data'),
  PULSE_DEMO: Flag.default(true),
  PULSE_DEMO_SIZE: z.enum(['tiny', 'demo']).default('demo'),
  PULSE_PUBLIC_URL: z.url().optional(),
  PULSE_SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
  PULSE_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  PULSE_DB_POOL: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Pulse's configuration, read from environment variables once at start. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  demo: boolean;
  /** How big the first-start demo department is: 'demo' (~150k activities) or 'tiny' (seconds). */
  demoSize: 'tiny' | 'demo';
  publicUrl: string | null;
  secureCookies: 'auto' | 'always' | 'never';
  sessionHours: number;
  dbPoolSize: number;
  logLevel: string;
}

/** Thrown with one line per bad variable, naming it. */
export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL ?? null,
    dataDir: resolve(e.PULSE_DATA_DIR),
    demo: e.PULSE_DEMO,
    demoSize: e.PULSE_DEMO_SIZE,
    publicUrl: e.PULSE_PUBLIC_URL ?? null,
    secureCookies: e.PULSE_SECURE_COOKIES === 'auto' ? 'auto' : e.PULSE_SECURE_COOKIES === 'true' ? 'always' : 'never',
    sessionHours: e.PULSE_SESSION_HOURS,
    dbPoolSize: e.PULSE_DB_POOL,
    logLevel: e.LOG_LEVEL,
  };
}
