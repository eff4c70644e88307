import { CompaniesQuery, DealsQuery } from '@pulse/contracts';
import { describe, expect, it } from 'vitest';
import { knownColumns, parseViewState, rawQuery, setFilter, toggleSort, toViewState } from './list-state.ts';
import type { ListState } from './list-types.ts';
import { parseQuery } from './parse-query.ts';

const definition = {
  entity: 'companies' as const,
  columns: ['name', 'inn', 'owner', 'city'].map((id) => ({ id, label: id, width: '1fr', render: () => null })),
  defaultColumns: ['name', 'owner'],
  sorts: [
    { value: 'name', label: 'name' },
    { value: 'created', label: 'created' },
  ],
  defaultSort: 'name',
  defaultOrder: 'asc' as const,
  filters: [{ key: 'channel', label: 'channel', kind: 'text' as const }],
};

const state: ListState = { q: '', filters: {}, sort: 'name', order: 'asc', columns: ['name'] };

describe('parseViewState', () => {
  it('restores what toViewState saved', () => {
    const saved: ListState = {
      q: 'рога',
      filters: { channel: 'dealer' },
      sort: 'created',
      order: 'desc',
      columns: ['inn'],
    };
    expect(parseViewState(definition, toViewState(saved))).toEqual(saved);
  });
  it('drops filters, sorts and columns the list no longer knows', () => {
    const parsed = parseViewState(definition, {
      filters: { channel: 'retail', gone: 'x' },
      sort: 'revenue',
      columns: ['name', 'removed'],
    });
    expect(parsed).toEqual({ q: '', filters: { channel: 'retail' }, sort: 'name', order: 'asc', columns: ['name'] });
  });
  it('falls back to the defaults for something that is not a state', () =>
    expect(parseViewState(definition, 'nonsense').columns).toEqual(['name', 'owner']));
});

describe('knownColumns', () => {
  it('keeps the definition order', () => expect(knownColumns(definition, ['city', 'name'])).toEqual(['name', 'city']));
  it('never leaves the table without columns', () =>
    expect(knownColumns(definition, ['removed'])).toEqual(['name', 'owner']));
});

describe('toggleSort', () => {
  it('flips the order of the current sort', () =>
    expect(toggleSort(state, 'name')).toEqual({ sort: 'name', order: 'desc' }));
  it('starts another sort ascending', () =>
    expect(toggleSort(state, 'created')).toEqual({ sort: 'created', order: 'asc' }));
});

describe('setFilter', () => {
  it('removes a cleared filter', () => expect(setFilter({ channel: 'retail' }, 'channel', null)).toEqual({}));
});

describe('rawQuery', () => {
  it('lets fixed filters win and leaves out an empty search', () =>
    expect(rawQuery({ ...state, q: ' ', filters: { companyId: 'a' } }, { companyId: 'b' })).toEqual({
      companyId: 'b',
      sort: 'name',
      order: 'asc',
    }));
});

describe('parseQuery', () => {
  it('parses with the contract and fills its defaults', () =>
    expect(parseQuery(CompaniesQuery, { q: 'рога', limit: 100 })).toMatchObject({
      q: 'рога',
      limit: 100,
      archived: 'false',
    }));
  it('drops a value the contract refuses', () =>
    expect(parseQuery(DealsQuery, { status: 'maybe', q: 'x' })).toMatchObject({ q: 'x' }));
  it('drops a parameter the strict contract does not know', () =>
    expect(parseQuery(CompaniesQuery, { stale: '1', q: 'y' })).toMatchObject({ q: 'y' }));
});
