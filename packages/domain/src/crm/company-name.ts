/**
 * Legal-form words removed by {@link normalizeCompanyName}, as lower-case word sequences
 * (after ё→е). They say what kind of company it is, not which company, and are written
 * before or after the name, abbreviated or in full, at will. The Latin 'ooo', 'oao', 'zao',
 * 'pao', 'ao' catch the Russian forms typed with Latin look-alike letters or transliterated.
 */
export const LEGAL_FORMS: readonly string[] = [
  'общество с ограниченной ответственностью',
  'публичное акционерное общество',
  'непубличное акционерное общество',
  'открытое акционерное общество',
  'закрытое акционерное общество',
  'акционерное общество',
  'индивидуальный предприниматель',
  'автономная некоммерческая организация',
  'некоммерческая организация',
  'limited liability company',
  'ооо',
  'оао',
  'зао',
  'пао',
  'нао',
  'ао',
  'ип',
  'ано',
  'нко',
  'ooo',
  'oao',
  'zao',
  'pao',
  'ao',
  'llc',
  'ltd',
  'limited',
  'inc',
  'gmbh',
];

/** Trigram similarity at or above which two company names are flagged as a likely duplicate. */
export const SIMILAR_NAME_THRESHOLD = 0.8;

// Longest first, so 'акционерное общество' is not taken before 'открытое акционерное общество'.
const LEGAL_FORM_WORDS = LEGAL_FORMS.map((form) => form.split(' ')).sort((a, b) => b.length - a.length);

// Quotes of every kind, hyphens, dots and any other punctuation become word breaks: '«Ромашка»'
// and 'Ромашка' must match, and 'Ромашка-Плюс' is two words.
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * A company name reduced to what identifies the company, for comparing and de-duplicating:
 * lower case, ё as е, legal forms ({@link LEGAL_FORMS}) removed wherever they stand, quotes
 * and punctuation turned into spaces, runs of spaces collapsed.
 * 'ООО «Ромашка»', 'Ромашка, ООО' and 'Общество с ограниченной ответственностью "Ромашка"'
 * all become 'ромашка'.
 */
export function normalizeCompanyName(name: string): string {
  const words = name.toLowerCase().replaceAll('ё', 'е').replace(NON_WORD, ' ').trim().split(' ');
  const kept: string[] = [];
  for (let i = 0; i < words.length; ) {
    const form = LEGAL_FORM_WORDS.find((formWords) => formWords.every((word, j) => words[i + j] === word));
    if (form === undefined) {
      kept.push(words[i] ?? '');
      i += 1;
    } else {
      i += form.length;
    }
  }
  return kept.filter((word) => word !== '').join(' ');
}

/**
 * How alike two company names are, from 0 (nothing in common) to 1 (the same once normalised,
 * word order aside): the Jaccard index of the sets of character trigrams of their normalised
 * forms. Each word is padded as PostgreSQL's pg_trgm does ('  word '), so results agree with
 * `similarity()` there and a database trigram index can find the candidates.
 * Names that normalise to nothing (only a legal form) have nothing to compare and score 0.
 */
export function nameSimilarity(a: string, b: string): number {
  const left = trigrams(normalizeCompanyName(a));
  const right = trigrams(normalizeCompanyName(b));
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const trigram of left) if (right.has(trigram)) shared += 1;
  return shared / (left.size + right.size - shared);
}

function trigrams(normalized: string): Set<string> {
  const result = new Set<string>();
  for (const word of normalized.split(' ')) {
    if (word === '') continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) result.add(padded.slice(i, i + 3));
  }
  return result;
}
