import {
  CalendarDay,
  CalendarSettings,
  CalendarSummary,
  Ok,
  type PutCalendarDayRequest,
  pageOf,
  type UpdateCalendarSettingsRequest,
} from '@pulse/contracts';
import { http, type Output } from './client.ts';

const CalendarDayList = pageOf(CalendarDay).pick({ items: true });

export type CalendarSummaryData = Output<typeof CalendarSummary>;
export type UpdateCalendarSettingsBody = Output<typeof UpdateCalendarSettingsRequest>;
export type PutCalendarDayBody = Output<typeof PutCalendarDayRequest>;

export function getCalendarSettings(): Promise<CalendarSettings> {
  return http.get('/api/calendar', CalendarSettings);
}

export function updateCalendarSettings(body: UpdateCalendarSettingsBody): Promise<CalendarSettings> {
  return http.put('/api/calendar', CalendarSettings, body);
}

export async function findCalendarDays(year: number): Promise<CalendarDay[]> {
  return (await http.get('/api/calendar/days', CalendarDayList, { query: { year } })).items;
}

export function putCalendarDay(day: string, body: PutCalendarDayBody): Promise<CalendarDay> {
  return http.put(`/api/calendar/days/${day}`, CalendarDay, body);
}

export async function deleteCalendarDay(day: string): Promise<void> {
  await http.delete(`/api/calendar/days/${day}`, Ok);
}

export async function resetCalendar(year: number): Promise<CalendarDay[]> {
  return (await http.post('/api/calendar/reset', CalendarDayList, { year })).items;
}

export function getCalendarSummary(from: string, to: string): Promise<CalendarSummaryData> {
  return http.get('/api/calendar/summary', CalendarSummary, { query: { from, to } });
}
