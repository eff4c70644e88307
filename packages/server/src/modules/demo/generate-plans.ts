import { type GenContext, type Person, streamOf } from './context.ts';
import type { CompanyBook } from './generate-companies.ts';
import type { DealBook } from './generate-deals.ts';

const DAY_MS = 86_400_000;

/**
 * The future of the open pipeline: for deals with a next step, the task that carries it (due
 * from today to a week ahead, some already overdue) or a planned meeting or call. Deals without a
 * next step get nothing, so "My day" has deals to flag.
 */
export async function generatePlans(ctx: GenContext, book: CompanyBook, deals: DealBook): Promise<void> {
  const rng = streamOf(ctx, 'plans');
  const { work, ids, writer } = ctx;
  for (const [deal, nextStep] of deals.nextSteps) {
    const owner = ctx.people[deals.owner[deal] as number] as Person;
    const company = deals.company[deal] as number;
    const contact = deals.contact[deal] as number;
    const mobile = book.contactMobile[contact] as number;
    const createdFloor = deals.createdMs[deal] as number;
    const choice = rng.next();
    if (choice < 0.55) {
      const overdue = rng.chance(0.15);
      const dueDay = overdue
        ? work.subtractWorkingDays(ctx.anchorDay, rng.int(1, 5))
        : work.addWorkingDays(ctx.anchorDay, rng.int(0, 7));
      const due = work.instantOn(dueDay, 0.1 + rng.next() * 0.8);
      const created = Math.max(createdFloor, Math.min(due, ctx.anchorMs) - rng.int(1, 5) * DAY_MS);
      writer.add(
        'tasks',
        ids.task(ctx.counters.task.next()),
        nextStep,
        null,
        due,
        rng.chance(0.3) ? 'high' : 'normal',
        'open',
        owner.userId,
        owner.userId,
        null,
        ids.company(company),
        ids.contact(contact),
        null,
        ids.deal(deal),
        null,
        created,
        created,
      );
    } else if (choice < 0.9) {
      const meeting = rng.chance(0.6);
      const at = work.instantOn(work.addWorkingDays(ctx.anchorDay, rng.int(0, 10)), rng.next() * 0.9);
      const created = Math.max(createdFloor, ctx.anchorMs - rng.int(1, 10) * DAY_MS);
      writer.add(
        'activities',
        ids.activity(ctx.counters.activity.next()),
        meeting ? 'meeting' : 'call',
        meeting ? null : 'outbound',
        'planned',
        meeting ? 'Встреча с клиентом' : 'Звонок по сделке',
        nextStep,
        at,
        null,
        null,
        null,
        !meeting && mobile > 0 ? `+7${mobile}` : null,
        owner.userId,
        ids.company(company),
        ids.contact(contact),
        null,
        ids.deal(deal),
        owner.userId,
        created,
        created,
      );
    }
    await writer.maybeFlush();
  }
}
