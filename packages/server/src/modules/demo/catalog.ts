// The demo department sells compressed-air and pumping equipment to industry: equipment,
// the consumables it eats, service contracts and automation. Priority directions are the
// ones the department is told to grow: service contracts, variable-speed drives, monitoring.

/** A product group; `parent` names another group. */
export interface GroupSpec {
  key: string;
  name: string;
  parent: string | null;
  priority: boolean;
}

export interface ProductSpec {
  group: string;
  name: string;
  sku: string;
  unit: string;
  priceMinor: number;
  priority: boolean;
}

export const GROUPS: readonly GroupSpec[] = [
  { key: 'equipment', name: 'Промышленное оборудование', parent: null, priority: false },
  { key: 'compressors', name: 'Компрессорное оборудование', parent: 'equipment', priority: false },
  { key: 'pumps', name: 'Насосное оборудование', parent: 'equipment', priority: false },
  { key: 'consumables', name: 'Запчасти и расходные материалы', parent: null, priority: false },
  { key: 'service', name: 'Сервисные контракты', parent: null, priority: true },
  { key: 'automation', name: 'Автоматизация и КИП', parent: null, priority: false },
];

// group | name | SKU | unit | price, RUB | priority
const PRODUCTS_TABLE = `
compressors|Винтовой компрессор ВК-15, 15 кВт|KMP-VK15|шт|685000|
compressors|Винтовой компрессор ВК-37, 37 кВт|KMP-VK37|шт|1240000|
compressors|Винтовой компрессор ВК-75 с частотным приводом|KMP-VK75F|шт|2890000|priority
compressors|Поршневой компрессор ПК-5|KMP-PK5|шт|189000|
compressors|Осушитель воздуха рефрижераторный ОВ-60|KMP-OV60|шт|214000|
compressors|Ресивер воздушный 1000 л|KMP-RS1000|шт|98000|
pumps|Насос центробежный НЦ 50-32|PMP-NC5032|шт|76500|
pumps|Насос дренажный погружной НД-15|PMP-ND15|шт|42300|
pumps|Насосная станция повышения давления НСП-3|PMP-NSP3|шт|1180000|
pumps|Насос дозировочный ДН-10|PMP-DN10|шт|128000|
consumables|Фильтр воздушный для ВК-15/ВК-37|CNS-FA1537|шт|6800|
consumables|Фильтр масляный|CNS-FM|шт|3900|
consumables|Сепаратор масловоздушный|CNS-SEP|шт|24500|
consumables|Масло компрессорное синтетическое, 20 л|CNS-OIL20|кан|28600|
consumables|Ремень приводной|CNS-BELT|шт|5200|
consumables|Комплект уплотнений для насоса|CNS-SEAL|компл|11800|
consumables|Рукав напорный армированный|CNS-HOSE|м|1450|
service|Пусконаладочные работы|SRV-PNR|усл|85000|
service|Сервисный контракт «Стандарт»|SRV-YEAR-S|мес|45000|
service|Сервисный контракт «Премиум 24/7»|SRV-YEAR-P|мес|98000|priority
service|Диагностика и аудит компрессорной станции|SRV-AUDIT|усл|65000|priority
service|Капитальный ремонт винтового блока|SRV-OVERHAUL|усл|320000|
automation|Частотный преобразователь 37 кВт|AUT-FC37|шт|186000|priority
automation|Контроллер управления компрессорной станцией|AUT-CTRL|шт|245000|
automation|Датчик давления|AUT-PS|шт|8900|
automation|Система удалённого мониторинга, годовая лицензия|AUT-MON|лиц|120000|priority
automation|Расходомер сжатого воздуха|AUT-FLOW|шт|67000|
`;

export const PRODUCTS: readonly ProductSpec[] = PRODUCTS_TABLE.trim()
  .split('\n')
  .map((line) => {
    const [group, name, sku, unit, rub, priority] = line.split('|') as [string, string, string, string, string, string];
    return { group, name, sku, unit, priceMinor: Number(rub) * 100, priority: priority === 'priority' };
  });

/** Index of a product by SKU; throws on a typo so a bad template fails loudly in tests. */
export function productIndex(sku: string): number {
  const index = PRODUCTS.findIndex((p) => p.sku === sku);
  if (index < 0) throw new RangeError(`No product ${sku}`);
  return index;
}

export const COMPETITORS = [
  'ПромКомпрессор',
  'АтлантТехМаш',
  'ЕвроКомпрессор Рус',
  'Сибирский насосный завод',
  'ТехноВоздух',
  'Дилеры китайских производителей',
  'Ремкомпрессор-Сервис',
  'ИнжПромСистемы',
] as const;

/** Share of lost deals that name each competitor (the same order as COMPETITORS). */
export const COMPETITOR_WEIGHTS = [18, 14, 12, 8, 10, 22, 9, 7] as const;

/** What a deal is about: drives its lines, its cycle and its chance to be won. */
export interface DealKind {
  key: 'equipment' | 'consumables' | 'service' | 'automation';
  weight: number;
  /** Sales cycle in working days, from creation to the final stage. */
  cycle: readonly [number, number];
  /** Chance a closed deal of this kind is won, for an average rep. */
  winRate: number;
  titles: readonly string[];
}

export const DEAL_KINDS: readonly DealKind[] = [
  {
    key: 'consumables',
    weight: 40,
    cycle: [3, 15],
    winRate: 0.62,
    titles: ['Расходные материалы', 'Плановый заказ запчастей', 'Фильтры и масло на квартал', 'Запчасти к ТО'],
  },
  {
    key: 'equipment',
    weight: 25,
    cycle: [20, 80],
    winRate: 0.24,
    titles: ['Поставка компрессора', 'Модернизация компрессорной станции', 'Поставка насосного оборудования'],
  },
  {
    key: 'service',
    weight: 20,
    cycle: [10, 40],
    winRate: 0.42,
    titles: ['Сервисный контракт', 'Капремонт винтового блока', 'Аудит компрессорной станции'],
  },
  {
    key: 'automation',
    weight: 15,
    cycle: [15, 50],
    winRate: 0.3,
    titles: ['Частотный привод и мониторинг', 'Автоматизация компрессорной', 'КИП для насосной станции'],
  },
];
