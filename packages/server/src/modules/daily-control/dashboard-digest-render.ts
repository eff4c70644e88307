import type { Digest, RedFlag } from '@pulse/contracts';
import { KPI_CATALOG, type KpiId } from '@pulse/domain';

// The morning digest as an e-mail: subject, plain text and HTML in the reader's language. The
// words live here rather than in the web's ru.json / en.json because the server sends the mail;
// KPI names are the web's (kpi.names) word for word, so the mail and the dashboard agree.

type Locale = Digest['locale'];
type Content = Omit<Digest, 'subject' | 'text' | 'html'>;

const KPI_NAMES: Record<Locale, Record<KpiId, string>> = {
  ru: {
    'tasks-on-time': 'Задачи, выполненные в срок',
    'calls-outbound': 'Исходящие звонки',
    'calls-inbound': 'Входящие звонки',
    'talk-time': 'Время разговоров',
    'meetings-held': 'Проведённые встречи',
    'leads-new': 'Новые лиды',
    'leads-qualified': 'Квалифицированные лиды',
    'response-time': 'Время реакции на входящие обращения',
    'lead-to-won-time': 'Время от лида до выигранной сделки',
    'deals-won': 'Выигранные сделки',
    revenue: 'Выручка',
    'average-deal': 'Средний чек',
    'win-rate': 'Доля выигранных сделок',
    'stage-conversion': 'Конверсия по этапам',
    'pipeline-coverage': 'Покрытие остатка плана воронкой',
    'quality-score': 'Оценка качества',
  },
  en: {
    'tasks-on-time': 'Tasks completed on time',
    'calls-outbound': 'Outbound calls',
    'calls-inbound': 'Inbound calls',
    'talk-time': 'Talk time',
    'meetings-held': 'Meetings held',
    'leads-new': 'New leads',
    'leads-qualified': 'Qualified leads',
    'response-time': 'Response time to inbound requests',
    'lead-to-won-time': 'Time from lead to won deal',
    'deals-won': 'Deals won',
    revenue: 'Revenue',
    'average-deal': 'Average deal',
    'win-rate': 'Win rate',
    'stage-conversion': 'Stage-to-stage conversion',
    'pipeline-coverage': 'Pipeline coverage of the remaining plan',
    'quality-score': 'Quality score',
  },
};

const WORDS = {
  ru: {
    subject: (day: string) => `Утренняя сводка на ${day}`,
    yesterday: (day: string) => `Вчера, ${day}: показатели ниже цели`,
    allGreen: 'Все показатели вчера в норме.',
    flags: 'Красные флаги сегодня',
    noFlags: 'Красных флагов нет.',
    plan: 'Выполнение плана с начала месяца',
    noPlan: 'Нет утверждённого плана.',
    target: 'цель',
    red: 'красный',
    amber: 'жёлтый',
    of: 'из',
    hours: 'ч',
    minutes: 'мин',
    seconds: 'с',
  },
  en: {
    subject: (day: string) => `Morning digest for ${day}`,
    yesterday: (day: string) => `Yesterday, ${day}: figures below target`,
    allGreen: 'Every figure was on target yesterday.',
    flags: 'Red flags today',
    noFlags: 'No red flags.',
    plan: 'Plan attainment, month to date',
    noPlan: 'No approved plan.',
    target: 'target',
    red: 'red',
    amber: 'amber',
    of: 'of',
    hours: 'h',
    minutes: 'min',
    seconds: 's',
  },
} as const;

function flagText(locale: Locale, flag: RedFlag, money: (minor: number) => string): string {
  const ru = locale === 'ru';
  switch (flag.kind) {
    case 'no-calls':
      return ru ? `нет звонков к ${flag.expectedBy ?? ''}` : `no calls by ${flag.expectedBy ?? ''}`;
    case 'overdue-tasks':
      return ru
        ? `просроченных задач: ${flag.figure} (допустимо ${flag.limit})`
        : `overdue tasks: ${flag.figure} (limit ${flag.limit})`;
    case 'rotting-deals':
      return ru
        ? `сделок застряло на этапе: ${flag.count}, дольше всех ${flag.figure} дн. (предел ${flag.limit})`
        : `deals stuck in their stage: ${flag.count}, longest ${flag.figure} days (limit ${flag.limit})`;
    case 'waiting-leads':
      return ru
        ? `лидов ждут ответа: ${flag.count}, дольше всех ${flag.figure} мин (норма ${flag.limit})`
        : `leads waiting for a reply: ${flag.count}, longest ${flag.figure} min (target ${flag.limit})`;
    case 'forecast-below-pessimistic':
      return ru
        ? `прогноз ${money(flag.figure)} ниже пессимистичного плана ${money(flag.limit)}`
        : `forecast ${money(flag.figure)} is below the pessimistic plan ${money(flag.limit)}`;
  }
}

/** Formats figures in the reader's language. */
function formatter(locale: Locale, currency: string) {
  const tag = locale === 'ru' ? 'ru-RU' : 'en-GB';
  const words = WORDS[locale];
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(tag, { maximumFractionDigits: digits }).format(value);
  const money = (minor: number, code = currency) =>
    new Intl.NumberFormat(tag, { style: 'currency', currency: code }).format(minor / 100);
  const duration = (totalSeconds: number) => {
    const s = Math.round(totalSeconds);
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const rest = s % 60;
    const parts: string[] = [];
    if (h > 0) parts.push(`${h} ${words.hours}`);
    if (m > 0) parts.push(`${m} ${words.minutes}`);
    if (rest > 0 || parts.length === 0) parts.push(`${rest} ${words.seconds}`);
    return parts.join(' ');
  };
  const figure = (kpi: KpiId, value: number) => {
    switch (KPI_CATALOG[kpi].unit) {
      case 'percent':
        return `${number(value, 1)} %`;
      case 'minor':
        return money(value);
      case 'seconds':
        return duration(value);
      case 'milliseconds':
        return duration(value / 1000);
      case 'ratio':
        return `${number(value, 2)}×`;
      default:
        return number(value, 1);
    }
  };
  const day = (value: string) => (locale === 'ru' ? value.split('-').reverse().join('.') : value);
  return { number, money, figure, day };
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The digest as an e-mail in the content's locale. */
export function renderDigest(
  content: Content,
  context: { currency: string },
): Pick<Digest, 'subject' | 'text' | 'html'> {
  const { locale } = content;
  const words = WORDS[locale];
  const f = formatter(locale, context.currency);
  const names = KPI_NAMES[locale];
  const lightWord = (light: 'red' | 'amber') => (light === 'red' ? words.red : words.amber);
  const cellLine = (cell: Content['reps'][number]['cells'][number]) =>
    `${names[cell.kpiId]}: ${f.figure(cell.kpiId, cell.value)} (${words.target} ${f.figure(cell.kpiId, cell.target)}) — ${lightWord(cell.light)}`;
  const planLine = (line: Content['plan'][number]) =>
    `${line.name}: ${line.attainment === null ? '—' : `${f.number(line.attainment * 100, 1)} %`} (${f.money(line.factMinor, line.currency)} ${words.of} ${f.money(line.planMinor, line.currency)})`;
  const flagLine = (flag: RedFlag) => `${flag.user.fullName}: ${flagText(locale, flag, (m) => f.money(m))}`;

  const subject = words.subject(f.day(content.date));
  const text = [
    subject,
    '',
    words.yesterday(f.day(content.yesterday)),
    ...(content.reps.length === 0
      ? [words.allGreen]
      : content.reps.flatMap((rep) => [rep.fullName, ...rep.cells.map((cell) => `  - ${cellLine(cell)}`)])),
    '',
    words.flags,
    ...(content.flags.length === 0 ? [words.noFlags] : content.flags.map((flag) => `  - ${flagLine(flag)}`)),
    '',
    words.plan,
    ...(content.plan.length === 0 ? [words.noPlan] : content.plan.map((line) => `  - ${planLine(line)}`)),
    '',
  ].join('\n');

  const list = (items: string[], empty: string) =>
    items.length === 0 ? `<p>${escapeHtml(empty)}</p>` : `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
  const colour = { red: '#c92a2a', amber: '#e67700' } as const;
  const html = [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>`,
    `<h1>${escapeHtml(subject)}</h1>`,
    `<h2>${escapeHtml(words.yesterday(f.day(content.yesterday)))}</h2>`,
    content.reps.length === 0
      ? `<p>${escapeHtml(words.allGreen)}</p>`
      : content.reps
          .map(
            (rep) =>
              `<h3>${escapeHtml(rep.fullName)}</h3>${list(
                rep.cells.map(
                  (cell) => `<span style="color:${colour[cell.light]}">${escapeHtml(cellLine(cell))}</span>`,
                ),
                '',
              )}`,
          )
          .join(''),
    `<h2>${escapeHtml(words.flags)}</h2>`,
    list(
      content.flags.map((flag) => escapeHtml(flagLine(flag))),
      words.noFlags,
    ),
    `<h2>${escapeHtml(words.plan)}</h2>`,
    list(
      content.plan.map((line) => escapeHtml(planLine(line))),
      words.noPlan,
    ),
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
