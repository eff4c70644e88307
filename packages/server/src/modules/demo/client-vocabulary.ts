// The words a client record is filled with: sizes, segments, channels, sources, positions.

export const SIZES = ['micro', 'small', 'medium', 'large', 'enterprise'] as const;
export const SIZE_WEIGHTS = [15, 35, 30, 15, 5];
/** How many deals a company of each size brings relative to a small one. */
export const SIZE_PULL = [0.5, 1, 1.8, 3, 4.5];
export const SEGMENTS = ['Малый бизнес', 'Малый бизнес', 'Средний бизнес', 'Крупный бизнес', 'Крупный бизнес'];
export const CHANNELS = ['direct', 'dealer', 'distributor', 'retail'] as const;
export const CHANNEL_WEIGHTS = [64, 14, 10, 12];

export const LEAD_SOURCES = [
  'inbound_call',
  'web_form',
  'email',
  'cold_outreach',
  'referral',
  'event',
  'partner',
] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];
export const LEAD_SOURCE_WEIGHTS = [25, 30, 10, 15, 10, 6, 4];
export const SOURCE_LABEL: Record<LeadSource, string> = {
  inbound_call: 'Входящий звонок',
  web_form: 'Заявка с сайта',
  email: 'Входящее письмо',
  cold_outreach: 'Холодный звонок',
  referral: 'Рекомендация',
  event: 'Выставка',
  partner: 'Партнёр',
};
export const OTHER_SOURCES = ['Холодный звонок', 'Тендер', 'Рекомендация', 'Выставка', 'Импорт из 1С', 'Партнёр'];
export const OTHER_SOURCE_WEIGHTS = [30, 20, 15, 10, 20, 5];

export const DECISION_POSITIONS = [
  'Генеральный директор',
  'Коммерческий директор',
  'Технический директор',
  'Главный инженер',
  'Директор по закупкам',
];
export const OTHER_POSITIONS = [
  'Главный механик',
  'Начальник отдела снабжения',
  'Менеджер по закупкам',
  'Специалист отдела закупок',
  'Инженер-энергетик',
  'Главный бухгалтер',
  'Начальник производства',
  'Финансовый директор',
  'Начальник цеха',
];
export const NOTES = [
  'Оплата по факту поставки',
  'Закупки только через тендерную площадку',
  'Предпочитают связь по e-mail',
  'Закупки согласует головной офис',
  'Сезонный спрос: пик весной',
];
export const PERSONAL_MAIL = ['mail.ru', 'yandex.ru', 'gmail.com', 'bk.ru'];
