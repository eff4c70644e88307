import type { Random } from './random.ts';
import type { City } from './russian-geography.ts';
import { formalName, type PersonName, transliterate, words } from './russian-names.ts';

/** Industries of the clients, each with the kinds of plant that name themselves after a city. */
export const INDUSTRIES: readonly { name: string; plants: readonly string[]; weight: number }[] = [
  { name: 'Машиностроение', plants: ['механический завод', 'машиностроительный завод'], weight: 12 },
  { name: 'Металлургия и металлообработка', plants: ['завод металлоконструкций', 'литейный завод'], weight: 9 },
  { name: 'Строительство и стройматериалы', plants: ['комбинат строительных материалов', 'завод ЖБИ'], weight: 11 },
  { name: 'Пищевая промышленность', plants: ['молочный комбинат', 'хлебозавод', 'мясокомбинат'], weight: 10 },
  { name: 'Химическая промышленность', plants: ['химический завод', 'завод полимеров'], weight: 5 },
  { name: 'Нефтегазовая отрасль', plants: ['завод нефтепромыслового оборудования'], weight: 5 },
  { name: 'Энергетика и ЖКХ', plants: ['теплосетевая компания', 'водоканал'], weight: 7 },
  { name: 'Сельское хозяйство', plants: ['агрокомбинат', 'птицефабрика'], weight: 7 },
  { name: 'Логистика и склады', plants: ['логистический центр'], weight: 6 },
  { name: 'Деревообработка', plants: ['деревообрабатывающий комбинат', 'мебельная фабрика'], weight: 5 },
  { name: 'Горнодобывающая промышленность', plants: ['горно-обогатительный комбинат'], weight: 3 },
  { name: 'Оптовая торговля', plants: ['торговый дом'], weight: 12 },
  { name: 'Фармацевтика', plants: ['фармацевтическая фабрика'], weight: 2 },
  { name: 'Автосервис и транспорт', plants: ['автотранспортное предприятие', 'авторемонтный завод'], weight: 6 },
];

const PLACE_ROOTS = words('Урал Сиб Волга Север Дон Кама Балтик Алтай Енисей Байкал Ока Нева Вятка Печора Тверь');
const TRADE_ROOTS = words('Маш Энерго Пром Строй Агро Хим Металл Нефте Газ Тех Транс Лес Тепло Гидро Электро Спец');
const SUFFIXES = words('Сервис Снаб Комплект Монтаж Инвест Групп Ресурс Систем Трейд Холдинг Комплекс Проект');
const STANDALONE = words(`
  Прогресс Вектор Меридиан Гранит Альянс Спектр Импульс Орион Атлант Горизонт Континент Феникс Кристалл
  Магистраль Технолайн Стандарт Эталон Основа Партнёр Авангард Рубин Сапфир Зенит Восход Полюс Форвард
  Навигатор Лидер Интеграл Квант Матрица Вертикаль Капитал Перспектива Созвездие
`);
const TAILS = ['', '', '', ' Плюс', '-М', '-Групп', ' Центр', '-Сервис', '-2000', ' Регион'];

/** A company's forms of name, and the word its web domain is made from. */
export interface CompanyNaming {
  kind: 'legal' | 'individual';
  /** 'ООО «УралМашСервис»', as lists show it. */
  name: string;
  /** 'Общество с ограниченной ответственностью «УралМашСервис»'. */
  legalName: string;
  domain: string;
}

const LEGAL_FORMS = [
  { short: 'ООО', full: 'Общество с ограниченной ответственностью', weight: 74 },
  { short: 'АО', full: 'Акционерное общество', weight: 10 },
  { short: 'ПАО', full: 'Публичное акционерное общество', weight: 1.5 },
  { short: 'ИП', full: 'Индивидуальный предприниматель', weight: 14.5 },
] as const;
const FORM_WEIGHTS = LEGAL_FORMS.map((f) => f.weight);

/** A believable Russian company (or sole trader, named after `owner`) in a city and an industry. */
export function companyNaming(
  rng: Random,
  city: City,
  industry: (typeof INDUSTRIES)[number],
  owner: PersonName,
): CompanyNaming {
  const form = LEGAL_FORMS[rng.weighted(FORM_WEIGHTS)] as (typeof LEGAL_FORMS)[number];
  if (form.short === 'ИП') {
    const person = formalName(owner);
    return {
      kind: 'individual',
      name: `ИП ${person}`,
      legalName: `${form.full} ${person}`,
      domain: `${transliterate(owner.last)}-${transliterate(owner.first).slice(0, 1)}`,
    };
  }
  const core = coreName(rng, city, industry, form.short !== 'ООО');
  return {
    kind: 'legal',
    name: `${form.short} «${core}»`,
    legalName: `${form.full} «${core}»`,
    domain: transliterate(core.replace(/ /g, '')) || 'company',
  };
}

function coreName(rng: Random, city: City, industry: (typeof INDUSTRIES)[number], isJointStock: boolean): string {
  const style = rng.next();
  if (isJointStock && style < 0.6) {
    const plant = rng.pick(industry.plants);
    return `${city.adjective} ${plant}`.replace(/^./, (c) => c.toUpperCase());
  }
  if (style < 0.55) {
    const place = rng.chance(0.6) ? rng.pick(PLACE_ROOTS) : '';
    const trade = rng.pick(TRADE_ROOTS);
    const suffix = rng.pick(SUFFIXES);
    return place ? `${place}${trade}${suffix}` : `${trade}${suffix}${rng.chance(0.3) ? rng.pick(TAILS) : ''}`;
  }
  return `${rng.pick(STANDALONE)}${rng.pick(TAILS)}`;
}

/** The 10 national digits of a number as people type them, in one of the usual styles. */
export function rawPhone(national: string, areaLength: number, style: number, extension: string | null): string {
  const area = national.slice(0, areaLength);
  const rest = national.slice(areaLength);
  const grouped = rest.length === 7 ? `${rest.slice(0, 3)}-${rest.slice(3, 5)}-${rest.slice(5)}` : groupPairs(rest);
  const ext = extension ? ` доб. ${extension}` : '';
  switch (style % 6) {
    case 0:
      return `+7 (${area}) ${grouped}${ext}`;
    case 1:
      return `8 (${area}) ${grouped}${ext}`;
    case 2:
      return `8${national}${ext}`;
    case 3:
      return `+7${national}${ext}`;
    case 4:
      return `8-${area}-${rest}${ext}`;
    default:
      return `+7 ${area} ${grouped.replace(/-/g, ' ')}${ext}`;
  }
}

function groupPairs(digits: string): string {
  // 6 digits after a 4-digit area code: 12-34-56; 5 after a 5-digit one: 1-23-45.
  const head = digits.length % 2 === 1 ? [digits.slice(0, 1)] : [];
  const tail = digits.slice(head.length).match(/../g) ?? [];
  return [...head, ...tail].join('-');
}
