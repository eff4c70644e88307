import type { SizeProfile } from './dataset-size.ts';
import type { Random } from './random.ts';
import { CITIES, MACROS } from './russian-geography.ts';
import { type Gender, randomPerson, shortName, transliterate } from './russian-names.ts';

export type Role =
  | 'commercial_director'
  | 'head_of_sales'
  | 'sales_manager'
  | 'lead_generation'
  | 'quality_manager'
  | 'operations'
  | 'analyst';

export interface UnitSpec {
  key: string;
  name: string;
  kind: 'directorate' | 'department' | 'team';
  parent: string | null;
  head: string | null;
  /** Macro-regions whose clients the department serves; 'key' serves key accounts. */
  territories: readonly string[];
}

export interface PersonSpec {
  key: string;
  /** The part of the e-mail before '@'. */
  login: string;
  fullName: string;
  gender: Gender;
  role: Role;
  unit: string;
  manager: string | null;
  /** Hired this many days before the anchor day. */
  hiredDaysAgo: number;
  /** Left (deactivated) this many days before the anchor day; history stays. */
  leftDaysAgo?: number;
  /** How well they sell relative to an average rep: volume, win rate, discipline. */
  skill: number;
}

const DEMO_UNITS: UnitSpec[] = [
  {
    key: 'directorate',
    name: 'Коммерческая дирекция',
    kind: 'directorate',
    parent: null,
    head: 'director',
    territories: [],
  },
  {
    key: 'moscow',
    name: 'Отдел продаж «Москва»',
    kind: 'department',
    parent: 'directorate',
    head: 'head',
    territories: ['Москва'],
  },
  { key: 'north', name: 'Команда «Север»', kind: 'team', parent: 'moscow', head: null, territories: [] },
  { key: 'south', name: 'Команда «Юг»', kind: 'team', parent: 'moscow', head: null, territories: [] },
  {
    key: 'regions',
    name: 'Отдел продаж «Регионы»',
    kind: 'department',
    parent: 'directorate',
    head: 'head2',
    territories: MACROS.filter((m) => m !== 'Москва'),
  },
  {
    key: 'key',
    name: 'Отдел ключевых клиентов',
    kind: 'department',
    parent: 'directorate',
    head: 'head3',
    territories: ['key'],
  },
];

// key | login | name | gender | role | unit | manager | hired days ago | skill | left days ago
const DEMO_PEOPLE_TABLE = `
director|director|Ирина Соколова|f|commercial_director|directorate||2600|1|
head|head|Андрей Волков|m|head_of_sales|moscow|director|2100|1.1|
head2|head2|Марина Кузнецова|f|head_of_sales|regions|director|1640|1|
head3|head3|Виктор Лебедев|m|head_of_sales|key|director|1300|1.2|
manager|manager|Дмитрий Орлов|m|sales_manager|north|head|1300|1|
manager2|manager2|Екатерина Белова|f|sales_manager|north|head|1530|1.35|
manager5|manager5|Артём Зайцев|m|sales_manager|north|head|80|0.8|
manager13|manager13|Кирилл Фомин|m|sales_manager|north|head|260|0.9|
manager3|manager3|Сергей Никитин|m|sales_manager|south|head|1050|0.7|
manager6|manager6|Юлия Комарова|f|sales_manager|south|head|620|1.05|
manager7|manager7|Игорь Титов|m|sales_manager|south|head|45|0.75|
former|o.karpov|Олег Карпов|m|sales_manager|south|head|1400|0.95|200
manager4|manager4|Ольга Морозова|f|sales_manager|regions|head2|1480|1.15|
manager8|manager8|Павел Гусев|m|sales_manager|regions|head2|900|0.95|
manager9|manager9|Анна Крылова|f|sales_manager|regions|head2|400|1|
manager10|manager10|Роман Медведев|m|sales_manager|regions|head2|20|0.7|
manager11|manager11|Светлана Романова|f|sales_manager|key|head3|1200|1.2|
manager12|manager12|Максим Жуков|m|sales_manager|key|head3|700|1|
leadgen|leadgen|Алексей Смирнов|m|lead_generation|moscow|head|900|1.1|
leadgen2|leadgen2|Дарья Павлова|f|lead_generation|regions|head2|300|0.9|
quality|quality|Наталья Фёдорова|f|quality_manager|directorate|director|2150|1|
analyst|analyst|Константин Егоров|m|analyst|directorate|director|1000|1|
ops|ops|Елена Виноградова|f|operations|directorate|director|1400|1|
assistant|assistant|Полина Макарова|f|operations|moscow|head|500|1|
`;

function demoPeople(): PersonSpec[] {
  return DEMO_PEOPLE_TABLE.trim()
    .split('\n')
    .map((line) => {
      const [key, login, fullName, gender, role, unit, manager, hired, skill, left] = line.split('|') as string[];
      return {
        key: key as string,
        login: login as string,
        fullName: fullName as string,
        gender: gender as Gender,
        role: role as Role,
        unit: unit as string,
        manager: manager || null,
        hiredDaysAgo: Number(hired),
        ...(left ? { leftDaysAgo: Number(left) } : {}),
        skill: Number(skill),
      };
    });
}

/** The units and people of a department of the given size. */
export interface Structure {
  units: UnitSpec[];
  people: PersonSpec[];
}

/** Reps per generated team in the larger sizes. */
const TEAM_SIZE = 9;

/**
 * The demo department (kept identical in every size, so the demo logins always exist), plus
 * for larger sizes one department per macro-region and extra teams, until the number of sales
 * managers reaches the profile's. Regions take reps in proportion to their clients.
 */
export function buildStructure(profile: SizeProfile, rng: Random): Structure {
  const units = DEMO_UNITS.map((u) => ({ ...u }));
  const people = demoPeople();
  const salesCount = () => people.filter((p) => p.role === 'sales_manager' && p.leftDaysAgo === undefined).length;
  if (profile.salesManagers <= salesCount()) return { units, people };

  const regions = units.find((u) => u.key === 'regions') as UnitSpec;
  const spun = MACROS.filter((m) => !['Москва', 'Центр', 'Дальний Восток'].includes(m));
  regions.territories = regions.territories.filter((m) => !spun.includes(m));
  spun.forEach((macro, i) => {
    const key = `dept${i + 1}`;
    units.push({
      key,
      name: `Отдел продаж «${macro}»`,
      kind: 'department',
      parent: 'directorate',
      head: `${key}-head`,
      territories: [macro],
    });
    people.push(generatedPerson(rng, `${key}-head`, 'head_of_sales', key, 'director', 1.1));
    people.push(generatedPerson(rng, `${key}-leadgen`, 'lead_generation', key, `${key}-head`, 1));
  });
  const weightOf = (unit: UnitSpec) =>
    unit.territories.includes('key')
      ? 0.1
      : (CITIES.filter((c) => unit.territories.includes(c.macro)).reduce((sum, c) => sum + c.weight, 0) /
          CITIES.reduce((sum, c) => sum + c.weight, 0)) *
        0.9;
  const departments = units.filter((u) => u.kind === 'department');
  const target = profile.salesManagers;
  let teamNumber = 0;
  while (salesCount() < target) {
    // The department furthest below its fair share of reps gets the next team.
    const dept = departments
      .map((d) => ({ d, gap: weightOf(d) * target - repsUnder(units, people, d.key) }))
      .sort((a, b) => b.gap - a.gap)[0]?.d as UnitSpec;
    teamNumber += 1;
    const teamKey = `team${teamNumber}`;
    units.push({
      key: teamKey,
      name: `Команда ${units.filter((u) => u.parent === dept.key).length + 1}`,
      kind: 'team',
      parent: dept.key,
      head: null,
      territories: [],
    });
    const size = Math.min(TEAM_SIZE, target - salesCount());
    for (let i = 0; i < size; i++) {
      people.push(
        generatedPerson(rng, `${teamKey}-${i + 1}`, 'sales_manager', teamKey, dept.head, 0.6 + rng.next() * 0.8),
      );
    }
  }
  return { units, people };
}

function repsUnder(units: readonly UnitSpec[], people: readonly PersonSpec[], deptKey: string): number {
  const keys = new Set([deptKey, ...units.filter((u) => u.parent === deptKey).map((u) => u.key)]);
  return people.filter((p) => p.role === 'sales_manager' && keys.has(p.unit)).length;
}

function generatedPerson(
  rng: Random,
  key: string,
  role: Role,
  unit: string,
  manager: string | null,
  skill: number,
): PersonSpec {
  const name = randomPerson(rng);
  const hiredDaysAgo = rng.chance(0.12) ? rng.int(10, 90) : rng.int(120, 2500);
  return {
    key,
    login: `${transliterate(name.first).slice(0, 1)}.${transliterate(name.last)}.${key}`,
    fullName: shortName(name),
    gender: name.gender,
    role,
    unit,
    manager,
    hiredDaysAgo,
    skill,
  };
}

/** The department a unit belongs to (itself for a department; its parent for a team). */
export function departmentOf(units: readonly UnitSpec[], unitKey: string): UnitSpec | undefined {
  const unit = units.find((u) => u.key === unitKey);
  if (!unit || unit.kind === 'department') return unit;
  if (unit.kind === 'team') return units.find((u) => u.key === unit.parent);
  return undefined;
}
