import { describe, expect, it } from 'vitest';
import { togglable } from './task-toggle.ts';

const may = { edit: true, complete: true, reopen: true };
const none = { edit: false, complete: false, reopen: false };

describe('togglable', () => {
  it('completes an open task and reopens a done one only as the server allows', () => {
    expect(togglable({ status: 'open', permissions: { ...none, complete: true } })).toBe(true);
    expect(togglable({ status: 'open', permissions: { ...none, reopen: true } })).toBe(false);
    expect(togglable({ status: 'done', permissions: { ...none, reopen: true } })).toBe(true);
    expect(togglable({ status: 'done', permissions: { ...none, complete: true } })).toBe(false);
  });
  it('leaves a cancelled task alone, and everything to a reader', () => {
    expect(togglable({ status: 'cancelled', permissions: may })).toBe(false);
    expect(togglable({ status: 'open', permissions: none })).toBe(false);
  });
});
