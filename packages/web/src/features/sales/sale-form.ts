import { CreateSaleRequest, type DealChannel } from '@pulse/contracts';
import type { Output } from '../../api/client.ts';
import { checkWith } from '../../shared/form-errors.ts';
import { minorDigits, minorToDecimal, parseMoneyInput } from '../../shared/money.ts';
import { parseDecimal } from '../deals/deal-lines.ts';

export type CreateSaleBody = Output<typeof CreateSaleRequest>;

/** The "New sale" form as typed. Money is typed in major units ('1 250,50') and sent in minor units. */
export interface SaleFormValues {
  saleDate: string;
  companyId: string | null;
  productId: string | null;
  quantity: string;
  /** Price of one unit. */
  price: string;
  /** The line's amount: quantity × price unless the user typed their own. */
  amount: string;
  /** Null: the user themselves. */
  ownerId: string | null;
  channel: DealChannel | null;
  territory: string;
  externalRef: string;
}

export function emptySaleValues(today: string): SaleFormValues {
  return {
    saleDate: today,
    companyId: null,
    productId: null,
    quantity: '1',
    price: '',
    amount: '',
    ownerId: null,
    channel: null,
    territory: '',
    externalRef: '',
  };
}

/** Units sold: up to 3 decimals, as the sales line stores them. */
const QUANTITY_DECIMALS = 3;
const QUANTITY_SCALE = 10n ** BigInt(QUANTITY_DECIMALS);

/**
 * Quantity × unit price in minor units, computed exactly and rounded once, half up, to a whole
 * minor unit — the rule a deal line's amount follows. Null for a negative, non-integer or
 * too large result.
 */
export function saleAmountMinor(quantity: number, unitPriceMinor: number): number | null {
  const scaled = Math.round(quantity * Number(QUANTITY_SCALE));
  if (!Number.isSafeInteger(scaled) || scaled < 0) return null;
  if (!Number.isSafeInteger(unitPriceMinor) || unitPriceMinor < 0) return null;
  const rounded = (2n * BigInt(scaled) * BigInt(unitPriceMinor) + QUANTITY_SCALE) / (2n * QUANTITY_SCALE);
  return rounded <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(rounded) : null;
}

/** The amount box's text for quantity × price, or null while either is not a number yet. */
export function computedAmountText(
  values: Pick<SaleFormValues, 'quantity' | 'price'>,
  currency: string,
): string | null {
  const quantity = parseDecimal(values.quantity, QUANTITY_DECIMALS);
  const price = parseMoneyInput(values.price, currency);
  if (quantity === null || price === null) return null;
  const amount = saleAmountMinor(quantity, price);
  return amount === null ? null : minorToDecimal(amount, minorDigits(currency));
}

type Checked<T> = { ok: true; data: T } | { ok: false; issues: { path: string }[] };

/** The request the form makes, checked against its contract; the amount goes in minor units. */
export function saleRequest(values: SaleFormValues, currency: string): Checked<CreateSaleBody> {
  const issues: { path: string }[] = [];
  const quantity = parseDecimal(values.quantity, QUANTITY_DECIMALS);
  if (quantity === null || quantity <= 0) issues.push({ path: 'quantity' });
  const amountMinor = parseMoneyInput(values.amount, currency);
  if (amountMinor === null) issues.push({ path: 'amountMinor' });
  const checked = checkWith(CreateSaleRequest, {
    saleDate: values.saleDate,
    companyId: values.companyId,
    productId: values.productId,
    quantity: quantity ?? 0,
    amountMinor: amountMinor ?? 0,
    ownerId: values.ownerId ?? undefined,
    channel: values.channel,
    territory: values.territory,
    externalRef: values.externalRef,
  });
  if (!checked.ok) return { ok: false, issues: onePerField([...issues, ...checked.issues]) };
  return issues.length > 0 ? { ok: false, issues } : checked;
}

/** A field the form already found wrong (or that fails two rules) is named once. */
function onePerField(issues: readonly { path: string }[]): { path: string }[] {
  return [...new Set(issues.map((issue) => issue.path))].map((path) => ({ path }));
}
