import { describe, expect, it } from 'vitest';
import { nameSimilarity, normalizeCompanyName, SIMILAR_NAME_THRESHOLD } from './company-name.ts';

describe('normalizeCompanyName', () => {
  it('removes the legal form and quotes, wherever the form stands', () => {
    expect(normalizeCompanyName('ООО «Ромашка»')).toBe('ромашка');
    expect(normalizeCompanyName('Ромашка, ООО')).toBe('ромашка');
    expect(normalizeCompanyName('"Ромашка" ООО')).toBe('ромашка');
  });
  it('removes full Russian legal forms, in any case', () => {
    expect(normalizeCompanyName('Общество с ограниченной ответственностью „Ромашка“')).toBe('ромашка');
    expect(normalizeCompanyName('ЗАКРЫТОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО «Звезда»')).toBe('звезда');
    expect(normalizeCompanyName('Публичное акционерное общество "Сбербанк России"')).toBe('сбербанк россии');
  });
  it('removes the short forms ОАО, ЗАО, ПАО, АО, ИП, НКО and the foreign ones', () => {
    for (const name of ['ОАО Ромашка', 'ЗАО Ромашка', 'ПАО Ромашка', 'АО Ромашка', 'ИП Ромашка', 'НКО Ромашка']) {
      expect(normalizeCompanyName(name)).toBe('ромашка');
    }
    expect(normalizeCompanyName('Acme, Inc.')).toBe('acme');
    expect(normalizeCompanyName('Acme Ltd.')).toBe('acme');
    expect(normalizeCompanyName('Acme LLC')).toBe('acme');
    expect(normalizeCompanyName('Acme GmbH')).toBe('acme');
  });
  it('catches ООО typed with Latin O’s', () => expect(normalizeCompanyName('OOO Ромашка')).toBe('ромашка'));
  it('removes a legal form only as a whole word, never inside one', () => {
    expect(normalizeCompanyName('ООО Аорта')).toBe('аорта');
    expect(normalizeCompanyName('Zaozerye Inc')).toBe('zaozerye');
  });
  it('reads ё as е', () => expect(normalizeCompanyName('ООО «Ёлка»')).toBe('елка'));
  it('turns punctuation into single spaces', () => {
    expect(normalizeCompanyName('  ООО  «Ромашка-Плюс»!!  ')).toBe('ромашка плюс');
    expect(normalizeCompanyName("Procter & Gamble's")).toBe('procter gamble s');
  });
  it('leaves nothing of a name that is only a legal form', () => expect(normalizeCompanyName('ООО')).toBe(''));
});

describe('nameSimilarity', () => {
  it('gives 1 for names that differ only in legal form, quotes and order', () => {
    expect(nameSimilarity('ООО «Ромашка»', 'Ромашка ООО')).toBe(1);
  });
  it('gives 1 for the same words in another order', () => {
    expect(nameSimilarity('Ромашка Плюс', 'Плюс Ромашка')).toBe(1);
  });
  it('scores a name against the same name plus a word below the duplicate threshold', () => {
    // 'ромашка' → '  р',' ро','ром','ома','маш','ашк','шка','ка ' (8 trigrams);
    // 'плюс' adds '  п',' пл','плю','люс','юс ' (5). Shared 8, union 13: 8/13 ≈ 0.615.
    // Below 0.8 on purpose: 'Ромашка' and 'Ромашка-Плюс' may well be different companies.
    const score = nameSimilarity('ООО Ромашка', 'ООО Ромашка-Плюс');
    expect(score).toBe(8 / 13);
    expect(score).toBeLessThan(SIMILAR_NAME_THRESHOLD);
  });
  it('flags a one-letter typo in a long name as similar', () => {
    // 'строймонтажсервис' (17 letters) has 18 trigrams; 'строймонтажсервиз' differs only in
    // the trigrams touching the last letter: 'вис','ис ' vs 'виз','из '. Shared 16, union 20: 0.8.
    expect(nameSimilarity('ООО Строймонтажсервис', 'Строймонтажсервиз')).toBe(0.8);
  });
  it('gives a low score to unrelated names', () => {
    expect(nameSimilarity('ООО Ромашка', 'АО Газпром нефть')).toBeLessThan(0.1);
  });
  it('is symmetric', () => {
    expect(nameSimilarity('Ромашка', 'Ромашка Плюс')).toBe(nameSimilarity('Ромашка Плюс', 'Ромашка'));
  });
  it('gives 0 when a name is only a legal form, so bare forms never look like duplicates', () => {
    expect(nameSimilarity('ООО', 'ООО')).toBe(0);
    expect(nameSimilarity('', 'Ромашка')).toBe(0);
  });
});
