import {
  ConvertedLead,
  type ConvertLeadRequest,
  type CreateLeadRequest,
  type DisqualifyLeadRequest,
  type HandOffLeadRequest,
  Lead,
  LeadDetail,
  type LeadsQuery,
  type PutLeadQualificationRequest,
  pageOf,
  QualificationCriterion,
  type UpdateLeadRequest,
} from '@pulse/contracts';
import { http, type Output } from './client.ts';

const LeadPage = pageOf(Lead);
const CriterionList = pageOf(QualificationCriterion).pick({ items: true });

export type LeadPageData = Output<typeof LeadPage>;
export type LeadsQueryParams = Partial<Output<typeof LeadsQuery>>;
export type CreateLeadBody = Output<typeof CreateLeadRequest>;
export type UpdateLeadBody = Output<typeof UpdateLeadRequest>;
export type ConvertLeadBody = Output<typeof ConvertLeadRequest>;
export type ConvertedLeadData = Output<typeof ConvertedLead>;

export function findLeads(query: LeadsQueryParams, signal?: AbortSignal): Promise<LeadPageData> {
  return http.get('/api/leads', LeadPage, { query, signal });
}

export function getLead(id: string, signal?: AbortSignal): Promise<LeadDetail> {
  return http.get(`/api/leads/${id}`, LeadDetail, { signal });
}

export function createLead(body: CreateLeadBody): Promise<LeadDetail> {
  return http.post('/api/leads', LeadDetail, body);
}

export function updateLead(id: string, body: UpdateLeadBody): Promise<LeadDetail> {
  return http.patch(`/api/leads/${id}`, LeadDetail, body);
}

export function putLeadQualification(
  id: string,
  body: Output<typeof PutLeadQualificationRequest>,
): Promise<LeadDetail> {
  return http.put(`/api/leads/${id}/qualification`, LeadDetail, body);
}

export function disqualifyLead(id: string, body: Output<typeof DisqualifyLeadRequest>): Promise<LeadDetail> {
  return http.post(`/api/leads/${id}/disqualify`, LeadDetail, body);
}

export function handOffLead(id: string, body: Output<typeof HandOffLeadRequest>): Promise<LeadDetail> {
  return http.post(`/api/leads/${id}/hand-off`, LeadDetail, body);
}

export function convertLead(id: string, body: ConvertLeadBody): Promise<ConvertedLeadData> {
  return http.post(`/api/leads/${id}/convert`, ConvertedLead, body);
}

export async function findQualificationCriteria(signal?: AbortSignal): Promise<QualificationCriterion[]> {
  return (await http.get('/api/qualification-criteria', CriterionList, { signal })).items;
}
