/**
 * An E.164 number laid out for reading: Russian and Kazakh numbers as '+7 495 123-45-67', other
 * countries' numbers in groups after the country code. Anything else is shown as it came.
 */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return '';
  const match = /^\+(\d{8,15})$/.exec(e164);
  if (!match) return e164;
  const digits = match[1] ?? '';
  if (digits.startsWith('7') && digits.length === 11) {
    return `+7 ${digits.slice(1, 4)} ${digits.slice(4, 7)}-${digits.slice(7, 9)}-${digits.slice(9)}`;
  }
  const code = countryCode(digits);
  const rest = digits.slice(code.length);
  const groups = rest.match(/.{1,3}/g) ?? [];
  // A last group of one digit reads badly: borrow a digit from the group before it.
  const last = groups.at(-1);
  const before = groups.at(-2);
  if (last && before && last.length === 1) {
    groups.splice(-2, 2, before.slice(0, -1), `${before.slice(-1)}${last}`);
  }
  return `+${code} ${groups.join(' ')}`;
}

/** Country calling codes are 1 to 3 digits; these are the common short ones, the rest take 3. */
const ONE_DIGIT = ['1', '7'];
const TWO_DIGIT = [
  '20',
  '27',
  '30',
  '31',
  '32',
  '33',
  '34',
  '36',
  '39',
  '40',
  '41',
  '43',
  '44',
  '45',
  '46',
  '47',
  '48',
  '49',
  '51',
  '52',
  '53',
  '54',
  '55',
  '56',
  '57',
  '58',
  '60',
  '61',
  '62',
  '63',
  '64',
  '65',
  '66',
  '81',
  '82',
  '84',
  '86',
  '90',
  '91',
  '92',
  '93',
  '94',
  '95',
  '98',
];

function countryCode(digits: string): string {
  if (ONE_DIGIT.includes(digits.slice(0, 1))) return digits.slice(0, 1);
  if (TWO_DIGIT.includes(digits.slice(0, 2))) return digits.slice(0, 2);
  return digits.slice(0, 3);
}

/** The number to dial from a link: 'tel:+74951234567'. */
export function phoneHref(e164: string): string {
  return `tel:${e164.replace(/[^\d+]/g, '')}`;
}
