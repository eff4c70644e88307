import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { withOrg, withoutOrg } from '../../db/tenant.ts';
import { hashPassword } from '../auth/passwords.ts';
import { createOrganization } from '../organizations/create-organization.ts';

export const DEMO_PASSWORD = 'pulse-demo';

/** The demo logins README lists; every one uses DEMO_PASSWORD. */
export const DEMO_LOGINS = [
  { email: 'director@demo.test', role: 'commercial_director' },
  { email: 'head@demo.test', role: 'head_of_sales' },
  { email: 'manager@demo.test', role: 'sales_manager' },
  { email: 'leadgen@demo.test', role: 'lead_generation' },
  { email: 'quality@demo.test', role: 'quality_manager' },
  { email: 'admin@demo.test', role: 'admin' },
] as const;

interface DemoPerson {
  key: string;
  email: string;
  fullName: string;
  role: string;
  unit: string | null;
  manager: string | null;
  hireDate: string;
}

const UNITS = [
  { key: 'directorate', name: 'Коммерческая дирекция', kind: 'directorate', parent: null, head: 'director' },
  { key: 'moscow', name: 'Отдел продаж «Москва»', kind: 'department', parent: 'directorate', head: 'head' },
  { key: 'north', name: 'Команда «Север»', kind: 'team', parent: 'moscow', head: null },
  { key: 'south', name: 'Команда «Юг»', kind: 'team', parent: 'moscow', head: null },
  { key: 'regions', name: 'Отдел продаж «Регионы»', kind: 'department', parent: 'directorate', head: 'head2' },
] as const;

const PEOPLE: DemoPerson[] = [
  {
    key: 'director',
    email: 'director@demo.test',
    fullName: 'Ирина Соколова',
    role: 'commercial_director',
    unit: 'directorate',
    manager: null,
    hireDate: '2019-03-01',
  },
  {
    key: 'head',
    email: 'head@demo.test',
    fullName: 'Андрей Волков',
    role: 'head_of_sales',
    unit: 'moscow',
    manager: 'director',
    hireDate: '2020-02-10',
  },
  {
    key: 'head2',
    email: 'head2@demo.test',
    fullName: 'Марина Кузнецова',
    role: 'head_of_sales',
    unit: 'regions',
    manager: 'director',
    hireDate: '2021-06-01',
  },
  {
    key: 'manager',
    email: 'manager@demo.test',
    fullName: 'Дмитрий Орлов',
    role: 'sales_manager',
    unit: 'north',
    manager: 'head',
    hireDate: '2023-04-03',
  },
  {
    key: 'manager2',
    email: 'manager2@demo.test',
    fullName: 'Екатерина Белова',
    role: 'sales_manager',
    unit: 'north',
    manager: 'head',
    hireDate: '2022-09-12',
  },
  {
    key: 'manager3',
    email: 'manager3@demo.test',
    fullName: 'Сергей Никитин',
    role: 'sales_manager',
    unit: 'south',
    manager: 'head',
    hireDate: '2024-01-15',
  },
  {
    key: 'manager4',
    email: 'manager4@demo.test',
    fullName: 'Ольга Морозова',
    role: 'sales_manager',
    unit: 'regions',
    manager: 'head2',
    hireDate: '2022-11-01',
  },
  {
    key: 'leadgen',
    email: 'leadgen@demo.test',
    fullName: 'Алексей Смирнов',
    role: 'lead_generation',
    unit: 'moscow',
    manager: 'head',
    hireDate: '2024-05-20',
  },
  {
    key: 'quality',
    email: 'quality@demo.test',
    fullName: 'Наталья Фёдорова',
    role: 'quality_manager',
    unit: 'directorate',
    manager: 'director',
    hireDate: '2021-01-11',
  },
];

/** Creates the demo organisation once; later starts leave it (and any edits to it) alone. */
export async function seedDemo(db: Kysely<Database>, now: Date): Promise<{ created: boolean; orgId: string }> {
  const existing = await withoutOrg(db, (tx) =>
    tx.selectFrom('user_logins').select('org_id').where('email', '=', 'admin@demo.test').executeTakeFirst(),
  );
  if (existing) return { created: false, orgId: existing.org_id };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const { orgId, adminUserId } = await createOrganization(db, {
    name: 'Демо: ООО «Пульс Продаж»',
    admin: { email: 'admin@demo.test', fullName: 'Павел Администратов', password: null, passwordHash },
    now,
  });
  await withOrg(db, orgId, async (tx) => {
    const unitIds = new Map<string, string>();
    for (const unit of UNITS) {
      const row = await tx
        .insertInto('units')
        .values({
          org_id: orgId,
          name: unit.name,
          kind: unit.kind,
          parent_id: unit.parent ? (unitIds.get(unit.parent) ?? null) : null,
          head_user_id: null,
        })
        .returning('unit_id')
        .executeTakeFirstOrThrow();
      unitIds.set(unit.key, row.unit_id);
    }
    const userIds = new Map<string, string>([['admin', adminUserId]]);
    for (const person of PEOPLE) {
      const row = await tx
        .insertInto('users')
        .values({
          org_id: orgId,
          email: person.email,
          full_name: person.fullName,
          role: person.role,
          unit_id: person.unit ? (unitIds.get(person.unit) ?? null) : null,
          manager_id: person.manager ? (userIds.get(person.manager) ?? null) : null,
          hire_date: person.hireDate,
          password_hash: passwordHash,
        })
        .returning('user_id')
        .executeTakeFirstOrThrow();
      userIds.set(person.key, row.user_id);
      await tx.insertInto('user_logins').values({ email: person.email, org_id: orgId, user_id: row.user_id }).execute();
    }
    for (const unit of UNITS) {
      if (!unit.head) continue;
      await tx
        .updateTable('units')
        .set({ head_user_id: userIds.get(unit.head) ?? null })
        .where('org_id', '=', orgId)
        .where('unit_id', '=', unitIds.get(unit.key) ?? '')
        .execute();
    }
  });
  return { created: true, orgId };
}
