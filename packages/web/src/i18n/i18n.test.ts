/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ActivityDirection,
  ActivityKind,
  ActivityStatus,
  AuditAction,
  CalendarDayKind,
  ClientDuplicateReason,
  ClientEmailLabel,
  ClientLifecycle,
  ClientPhoneLabel,
  CompanyChannel,
  CompanySize,
  DealStatus,
  ErrorCode,
  LeadSource,
  LeadStatus,
  ROLES,
  ScopeKind,
  Section,
  StageKind,
  TaskPriority,
  TaskStatus,
  UnitKind,
} from '@pulse/contracts';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import ru from './ru.json';

const SRC = fileURLToPath(new URL('..', import.meta.url));

/** Every leaf of a translation tree as `a.b.c` → value. */
function leaves(tree: unknown, prefix = ''): Map<string, unknown> {
  const result = new Map<string, unknown>();
  if (tree === null || typeof tree !== 'object' || Array.isArray(tree)) {
    result.set(prefix, tree);
    return result;
  }
  for (const [key, value] of Object.entries(tree)) {
    for (const [path, leaf] of leaves(value, prefix ? `${prefix}.${key}` : key)) result.set(path, leaf);
  }
  return result;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Literal keys in `t('a.b')` / `t("a.b")` calls; template literals are covered by the enum checks below. */
const T_CALL = /\bt\(\s*(['"])([^'"\n]+)\1/g;

const ruKeys = leaves(ru);
const enKeys = leaves(en);

describe('translation files', () => {
  it('have exactly the same keys', () => {
    expect([...enKeys.keys()].sort()).toEqual([...ruKeys.keys()].sort());
  });

  it('have no empty or non-string values', () => {
    for (const [name, keys] of [
      ['ru', ruKeys],
      ['en', enKeys],
    ] as const) {
      const bad = [...keys].filter(([, value]) => typeof value !== 'string' || value.trim() === '');
      expect(bad.map(([key]) => `${name}:${key}`)).toEqual([]);
    }
  });

  it('use the same interpolation variables in both languages', () => {
    const variables = (value: unknown) => [...String(value).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
    const mismatched = [...ruKeys].filter(([key, value]) => {
      return JSON.stringify(variables(value)) !== JSON.stringify(variables(enKeys.get(key)));
    });
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });
});

describe('keys used in the source', () => {
  const used = sourceFiles(SRC).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(T_CALL)].map((match) => ({
      key: match[2] ?? '',
      file: relative(SRC, file),
    })),
  );

  it('finds t() calls to check', () => expect(used.length).toBeGreaterThan(100));

  it('exist in both files', () => {
    const missing = used.filter(({ key }) => !ruKeys.has(key) || !enKeys.has(key));
    expect(missing.map(({ key, file }) => `${file}: ${key}`)).toEqual([]);
  });
});

describe('keys built from contract enums', () => {
  const groups: [string, readonly string[]][] = [
    ['roles', ROLES],
    ['scope', ScopeKind.options],
    ['nav', Section.options],
    ['unitKinds', UnitKind.options],
    ['errors', ErrorCode.options],
    ['calendar.kinds', CalendarDayKind.options],
    ['audit.actions', AuditAction.options],
    ['crm.channel', CompanyChannel.options],
    ['crm.size', CompanySize.options],
    ['crm.lifecycle', ClientLifecycle.options],
    ['crm.dealStatus', DealStatus.options],
    ['crm.stageKind', StageKind.options],
    ['crm.leadStatus', LeadStatus.options],
    ['crm.leadSource', LeadSource.options],
    ['crm.activityKind', ActivityKind.options],
    ['crm.direction', ActivityDirection.options],
    ['crm.activityStatus', ActivityStatus.options],
    ['crm.priority', TaskPriority.options],
    ['crm.taskStatus', TaskStatus.options],
    ['crm.phoneLabel', ClientPhoneLabel.options],
    ['crm.emailLabel', ClientEmailLabel.options],
    ['crm.duplicateReason', ClientDuplicateReason.options],
    ['weekdays.short', ['1', '2', '3', '4', '5', '6', '7']],
    ['weekdays.long', ['1', '2', '3', '4', '5', '6', '7']],
    ['months', ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']],
  ];
  for (const [prefix, values] of groups) {
    it(`cover every value of ${prefix}`, () => {
      const missing = values.map((value) => `${prefix}.${value}`).filter((key) => !ruKeys.has(key));
      expect(missing).toEqual([]);
    });
  }
});
