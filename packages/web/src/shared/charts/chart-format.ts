/**
 * An axis label in the locale's money format, short: '12 млн ₽', '₽12M'. Minor units are turned
 * into whole units of the currency first.
 */
export function formatAxisMoney(minor: number, currency: string, locale: string, minorDigits: number): string {
  const units = minor / 10 ** minorDigits;
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      notation: 'compact',
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    }).format(units);
  } catch {
    return String(Math.round(units));
  }
}

/** Text made safe for the HTML of an ECharts tooltip (labels and names come from users). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One tooltip line: a colour mark (none for a ''), the label, and the value in bold. */
export function tooltipRow(color: string, label: string, value: string): string {
  const mark = color
    ? `<span style="display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px;background:${escapeHtml(color)}"></span>`
    : '';
  return `<div>${mark}${escapeHtml(label)}: <b>${escapeHtml(value)}</b></div>`;
}

/** A tooltip: a heading line and rows built by `tooltipRow`. */
export function tooltipHtml(heading: string, rows: readonly string[]): string {
  return `<div style="margin-bottom:4px">${escapeHtml(heading)}</div>${rows.join('')}`;
}
