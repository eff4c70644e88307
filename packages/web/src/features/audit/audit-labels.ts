import type { TFunction } from 'i18next';
import ru from '../../i18n/ru.json';

type KnownEntity = keyof typeof ru.audit.entities;
type KnownField = keyof typeof ru.audit.fields;

/** The entity names the server is expected to log; others are shown as they come. */
export const KNOWN_ENTITIES = Object.keys(ru.audit.entities).filter(isKnownEntity);

function isKnownEntity(entity: string): entity is KnownEntity {
  return Object.hasOwn(ru.audit.entities, entity);
}

function isKnownField(field: string): field is KnownField {
  return Object.hasOwn(ru.audit.fields, field);
}

export function entityLabel(t: TFunction, entity: string): string {
  return isKnownEntity(entity) ? t(`audit.entities.${entity}`) : entity;
}

export function fieldLabel(t: TFunction, field: string): string {
  return isKnownField(field) ? t(`audit.fields.${field}`) : field;
}

const MAX_VALUE_LENGTH = 120;

/** Old and new values are any JSON; they are shown compactly and never as "[object Object]". */
export function formatAuditValue(t: TFunction, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('audit.values.empty');
  if (value === true) return t('audit.values.true');
  if (value === false) return t('audit.values.false');
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
}
