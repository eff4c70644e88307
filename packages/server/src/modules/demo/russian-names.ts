import type { Random } from './random.ts';

export type Gender = 'm' | 'f';

/** A list written as whitespace-separated words, so the formatter keeps data compact. */
export function words(text: string): string[] {
  return text.trim().split(/\s+/);
}

const MALE_NAMES = words(`
  Александр Алексей Андрей Антон Артём Борис Вадим Валерий Василий Виктор Виталий Владимир Владислав
  Георгий Денис Дмитрий Евгений Егор Иван Игорь Илья Кирилл Константин Максим Михаил Никита Николай
  Олег Павел Роман Руслан Сергей Станислав Степан Тимур Фёдор Юрий Ярослав
`);

const FEMALE_NAMES = words(`
  Алина Алла Анастасия Анна Валентина Валерия Вера Виктория Галина Дарья Евгения Екатерина Елена Жанна
  Инна Ирина Кристина Ксения Лариса Любовь Людмила Маргарита Марина Мария Надежда Наталья Оксана Ольга
  Полина Светлана Софья Тамара Татьяна Юлия Яна
`);

/** Patronymics as 'son/daughter' pairs of one father's name. */
const PATRONYMICS = words(`
  Александрович/Александровна Алексеевич/Алексеевна Анатольевич/Анатольевна Андреевич/Андреевна
  Борисович/Борисовна Валерьевич/Валерьевна Васильевич/Васильевна Викторович/Викторовна
  Владимирович/Владимировна Геннадьевич/Геннадьевна Григорьевич/Григорьевна Дмитриевич/Дмитриевна
  Евгеньевич/Евгеньевна Иванович/Ивановна Игоревич/Игоревна Ильич/Ильинична
  Константинович/Константиновна Львович/Львовна Михайлович/Михайловна Николаевич/Николаевна
  Олегович/Олеговна Павлович/Павловна Петрович/Петровна Романович/Романовна Сергеевич/Сергеевна
  Степанович/Степановна Юрьевич/Юрьевна
`).map((pair) => pair.split('/') as [string, string]);

/** Surnames in their masculine form; {@link feminineSurname} derives the feminine one. */
const SURNAMES = words(`
  Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков
  Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин
  Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов
  Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков Сорокин Виноградов Ковалёв Белов
  Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев Герасимов Богданов Осипов
  Сидоров Матвеев Титов Марков Миронов Крылов Куликов Карпов Власов Мельников Денисов Гаврилов Тихонов
  Казаков Афанасьев Данилов Савельев Тимофеев Фомин Чернов Абрамов Мартынов Ефимов Федотов Щербаков
  Назаров Калинин Исаев Чернышёв Быков Маслов Родионов Коновалов Лазарев Воронин Климов Филатов
  Пономарёв Голубев Кудрявцев Прохоров Успенский Вишневский Островский Раевский Покровский Высоцкий
  Шевченко Бондаренко Коваленко Черных Седых Толстой Гайдук Кравец
`);

/**
 * The feminine form of a Russian surname: -ов/-ев/-ёв/-ин/-ын take -а, -ский/-цкий become
 * -ская/-цкая, -ой becomes -ая; Ukrainian -ко, Siberian -их/-ых and consonant endings such as
 * Кравец do not change.
 */
export function feminineSurname(surname: string): string {
  if (/(ов|ев|ёв|ин|ын)$/.test(surname)) return `${surname}а`;
  if (/(ск|цк)ий$/.test(surname)) return `${surname.slice(0, -2)}ая`;
  if (/ой$/.test(surname)) return `${surname.slice(0, -2)}ая`;
  return surname;
}

/** A person's name parts in the right gender. */
export interface PersonName {
  gender: Gender;
  first: string;
  patronymic: string;
  last: string;
}

export function randomPerson(rng: Random, gender: Gender = rng.chance(0.55) ? 'm' : 'f'): PersonName {
  const surname = rng.pick(SURNAMES);
  const [sonOf, daughterOf] = rng.pick(PATRONYMICS);
  return gender === 'm'
    ? { gender, first: rng.pick(MALE_NAMES), patronymic: sonOf, last: surname }
    : { gender, first: rng.pick(FEMALE_NAMES), patronymic: daughterOf, last: feminineSurname(surname) };
}

/** 'Петрова Анна Сергеевна': the formal order used in client records and documents. */
export function formalName(name: PersonName): string {
  return `${name.last} ${name.first} ${name.patronymic}`;
}

/** 'Анна Петрова': how colleagues appear in the app. */
export function shortName(name: PersonName): string {
  return `${name.first} ${name.last}`;
}

const TRANSLIT = new Map(
  words(`
    а:a б:b в:v г:g д:d е:e ё:e ж:zh з:z и:i й:y к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ф:f х:kh
    ц:ts ч:ch ш:sh щ:shch ъ: ы:y ь: э:e ю:yu я:ya
  `).map((pair) => pair.split(':') as [string, string]),
);

/** Latin letters for e-mail addresses and domains (passport-style transliteration, simplified). */
export function transliterate(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) out += TRANSLIT.get(ch) ?? (/[a-z0-9]/.test(ch) ? ch : '');
  return out;
}
