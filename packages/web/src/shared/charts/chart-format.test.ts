import { describe, expect, it } from 'vitest';
import { escapeHtml, formatAxisMoney, tooltipHtml, tooltipRow } from './chart-format.ts';

describe('formatAxisMoney', () => {
  const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
  it('shortens millions in Russian with the ruble sign', () => {
    expect(plain(formatAxisMoney(1_200_000_000, 'RUB', 'ru', 2))).toBe('12 млн ₽');
  });
  it('shortens millions in English', () => {
    expect(formatAxisMoney(1_200_000_000, 'USD', 'en', 2)).toBe('$12M');
  });
  it('shows zero as zero', () => expect(plain(formatAxisMoney(0, 'RUB', 'ru', 2))).toBe('0 ₽'));
});

describe('tooltip html', () => {
  it('escapes what users typed', () => {
    expect(escapeHtml(`<b>"O'Neil" & co</b>`)).toBe('&#60;b&#62;&#34;O&#39;Neil&#34; &#38; co&#60;/b&#62;');
  });
  it('puts a colour mark before a row only when given a colour', () => {
    expect(tooltipRow('#123456', 'Plan', '5 ₽')).toContain('background:#123456');
    expect(tooltipRow('', 'Plan', '5 ₽')).toBe('<div>Plan: <b>5 ₽</b></div>');
  });
  it('heads the rows with an escaped heading', () => {
    expect(tooltipHtml('<1 Jan>', ['<div>x</div>'])).toBe(
      '<div style="margin-bottom:4px">&#60;1 Jan&#62;</div><div>x</div>',
    );
  });
});
