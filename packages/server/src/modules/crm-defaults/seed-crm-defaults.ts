import type { Tx } from '../../db/tenant.ts';

/** BANT: the qualification checklist a new organisation starts with (editable). */
export const DEFAULT_QUALIFICATION = [
  { code: 'budget', ru: 'Бюджет: есть деньги на покупку', en: 'Budget: the money is there' },
  { code: 'authority', ru: 'Полномочия: говорим с ЛПР или знаем его', en: 'Authority: we talk to the decision maker' },
  { code: 'need', ru: 'Потребность: задача, которую решает наш продукт', en: 'Need: a problem our product solves' },
  { code: 'timing', ru: 'Сроки: покупка в ближайшие 3 месяца', en: 'Timing: buying within 3 months' },
] as const;

/** A typical Russian B2B sales process; probabilities are the chance a deal at that stage is won. */
export const DEFAULT_STAGES = [
  { ru: 'Квалификация', en: 'Qualification', kind: 'open', probability: 10, rottingDays: 7 },
  { ru: 'Выявление потребностей', en: 'Needs analysis', kind: 'open', probability: 25, rottingDays: 14 },
  { ru: 'КП отправлено', en: 'Proposal sent', kind: 'open', probability: 50, rottingDays: 10 },
  { ru: 'Переговоры', en: 'Negotiation', kind: 'open', probability: 70, rottingDays: 14 },
  { ru: 'Договор и счёт', en: 'Contract and invoice', kind: 'open', probability: 90, rottingDays: 10 },
  { ru: 'Успешно', en: 'Won', kind: 'won', probability: 100, rottingDays: null },
  { ru: 'Проиграна', en: 'Lost', kind: 'lost', probability: 0, rottingDays: null },
] as const;

export const DEFAULT_LOST_REASONS = [
  { ru: 'Цена выше, чем у конкурентов', en: 'Price higher than competitors' },
  { ru: 'Выбрали конкурента', en: 'Chose a competitor' },
  { ru: 'Нет бюджета', en: 'No budget' },
  { ru: 'Нет потребности', en: 'No need' },
  { ru: 'Не вышли на ЛПР', en: 'Never reached the decision maker' },
  { ru: 'Не устроили сроки поставки', en: 'Delivery time did not fit' },
  { ru: 'Клиент перестал отвечать', en: 'Client stopped answering' },
] as const;

/** Gives a new organisation a working CRM: a pipeline, lost reasons and the BANT checklist. */
export async function seedCrmDefaults(tx: Tx, orgId: string, locale: 'ru' | 'en'): Promise<{ pipelineId: string }> {
  await tx
    .insertInto('qualification_criteria')
    .values(DEFAULT_QUALIFICATION.map((c, i) => ({ org_id: orgId, code: c.code, name: c[locale], position: i })))
    .execute();
  await tx
    .insertInto('lost_reasons')
    .values(DEFAULT_LOST_REASONS.map((r, i) => ({ org_id: orgId, name: r[locale], position: i })))
    .execute();
  const pipeline = await tx
    .insertInto('pipelines')
    .values({ org_id: orgId, name: locale === 'ru' ? 'Продажи B2B' : 'B2B sales', position: 0, is_default: true })
    .returning('pipeline_id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('stages')
    .values(
      DEFAULT_STAGES.map((s, i) => ({
        org_id: orgId,
        pipeline_id: pipeline.pipeline_id,
        name: s[locale],
        position: i,
        kind: s.kind,
        probability: s.probability,
        rotting_days: s.rottingDays,
      })),
    )
    .execute();
  return { pipelineId: pipeline.pipeline_id };
}
