import type { DealLine } from '@pulse/contracts';
import { minorDigits, minorToDecimal, parseMoneyInput } from '../../shared/money.ts';

/** A line as typed in the editor. */
export interface LineDraft {
  key: string;
  productId: string | null;
  quantity: string;
  price: string;
  discount: string;
}

/** A line as the API takes it. */
export interface LineInput {
  productId: string;
  quantity: number;
  unitPriceMinor: number;
  discountPercent: number;
}

let nextKey = 0;
export function newLineKey(): string {
  nextKey += 1;
  return `line-${nextKey}`;
}

export function draftOf(line: DealLine, currency: string): LineDraft {
  return {
    key: line.id,
    productId: line.productId,
    quantity: String(line.quantity).replace('.', ','),
    price: minorToDecimal(line.unitPriceMinor, minorDigits(currency)).replace('.', ','),
    discount: line.discountPercent ? String(line.discountPercent).replace('.', ',') : '',
  };
}

/** A decimal as typed with either separator; null when it is not a number with at most `decimals` places. */
export function parseDecimal(text: string, decimals: number): number | null {
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  const [, fraction = ''] = cleaned.split('.');
  if (fraction.length > decimals) return null;
  return Number(cleaned);
}

/** Which fields of a line are wrong, empty when it can be sent. */
export function lineProblems(line: LineDraft, currency: string): ('product' | 'quantity' | 'price' | 'discount')[] {
  const problems: ('product' | 'quantity' | 'price' | 'discount')[] = [];
  if (!line.productId) problems.push('product');
  const quantity = parseDecimal(line.quantity, 3);
  if (quantity === null || quantity <= 0) problems.push('quantity');
  if (parseMoneyInput(line.price, currency) === null) problems.push('price');
  const discount = line.discount.trim() ? parseDecimal(line.discount, 2) : 0;
  if (discount === null || discount > 100) problems.push('discount');
  return problems;
}

/** The lines to send, or null while any of them is incomplete. */
export function toLineInputs(lines: readonly LineDraft[], currency: string): LineInput[] | null {
  const inputs: LineInput[] = [];
  for (const line of lines) {
    if (lineProblems(line, currency).length > 0 || !line.productId) return null;
    inputs.push({
      productId: line.productId,
      quantity: parseDecimal(line.quantity, 3) ?? 0,
      unitPriceMinor: parseMoneyInput(line.price, currency) ?? 0,
      discountPercent: line.discount.trim() ? (parseDecimal(line.discount, 2) ?? 0) : 0,
    });
  }
  return inputs;
}

/** Whether the server's lines are exactly these inputs (then its amounts are the lines' totals). */
export function sameLines(saved: readonly DealLine[], inputs: readonly LineInput[]): boolean {
  return (
    saved.length === inputs.length &&
    saved.every((line, index) => {
      const input = inputs[index];
      return (
        input !== undefined &&
        line.productId === input.productId &&
        line.quantity === input.quantity &&
        line.unitPriceMinor === input.unitPriceMinor &&
        line.discountPercent === input.discountPercent
      );
    })
  );
}
