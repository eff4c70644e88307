import { nameSimilarity, SIMILAR_NAME_THRESHOLD } from '@pulse/domain';
import { describe, expect, it } from 'vitest';
import { nameFragments } from './duplicates.ts';

/** What the SQL prefilter matches: lower(name) with ё as е, LIKE any of the fragments. */
const prefilterMatches = (fragments: string[], other: string): boolean =>
  fragments.some((f) => other.toLowerCase().replaceAll('ё', 'е').includes(f.slice(1, -1)));

/** Every name one letter away from `name` (substituted, dropped or added). */
function oneEditAway(name: string): string[] {
  const letters = 'аеикнорстлх';
  const variants: string[] = [];
  for (let i = 0; i <= name.length; i++) {
    for (const letter of letters) variants.push(name.slice(0, i) + letter + name.slice(i));
    if (i < name.length) {
      variants.push(name.slice(0, i) + name.slice(i + 1));
      for (const letter of letters) variants.push(name.slice(0, i) + letter + name.slice(i + 1));
    }
  }
  return variants;
}

describe('nameFragments', () => {
  it('never lets the prefilter miss a name similar enough to count', () => {
    const names = [
      'Техностройкомплект',
      'ООО «Ромашка-Север»',
      'Альфа',
      'Газпром нефть',
      'АБ',
      'Ёлка Трейд',
      'Константинопольский',
    ];
    let similar = 0;
    for (const name of names) {
      const fragments = nameFragments(name);
      for (const variant of oneEditAway(name)) {
        if (nameSimilarity(name, variant) < SIMILAR_NAME_THRESHOLD) continue;
        similar += 1;
        expect(prefilterMatches(fragments, variant), `${name} → ${variant}`).toBe(true);
      }
    }
    // The check must have had cases to check.
    expect(similar).toBeGreaterThan(50);
  });
  it('finds a look-alike that shares no whole word', () => {
    const fragments = nameFragments('Техностройкомплект');
    expect(nameSimilarity('Техностройкомплект', 'Техностройкомплекс')).toBeGreaterThanOrEqual(SIMILAR_NAME_THRESHOLD);
    expect(prefilterMatches(fragments, 'ТЕХНОСТРОЙКОМПЛЕКС')).toBe(true);
  });
  it('drops legal forms and punctuation, and gives nothing for a name that is only a legal form', () => {
    expect(nameFragments('ООО')).toEqual([]);
    for (const fragment of nameFragments('ООО «Ромашка»')) expect(fragment).toMatch(/^%[а-я]+%$/);
  });
  it('takes more fragments as the name grows, three-letter ones first', () => {
    const short = nameFragments('Альфа');
    const long = nameFragments('Международная торговая компания Альфа');
    expect(long.length).toBeGreaterThan(short.length);
    expect(short.every((f) => f.length === 5)).toBe(true);
  });
});
