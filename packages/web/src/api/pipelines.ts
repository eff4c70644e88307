import {
  type BoardQuery,
  Competitor,
  type CreateCompetitorRequest,
  type CreateLostReasonRequest,
  type CreatePipelineRequest,
  type CreateStageRequest,
  LostReason,
  Pipeline,
  PipelineBoard,
  pageOf,
  type UpdateCompetitorRequest,
  type UpdateLostReasonRequest,
  type UpdatePipelineRequest,
  type UpdateStageRequest,
} from '@pulse/contracts';
import { http, type Output } from './client.ts';

const PipelineList = pageOf(Pipeline).pick({ items: true });
const LostReasonList = pageOf(LostReason).pick({ items: true });
const CompetitorList = pageOf(Competitor).pick({ items: true });

export type BoardQueryParams = Partial<Output<typeof BoardQuery>>;
type Active = 'true' | 'false' | 'all';

export async function findPipelines(archived: Active = 'false', signal?: AbortSignal): Promise<Pipeline[]> {
  return (await http.get('/api/pipelines', PipelineList, { query: { archived }, signal })).items;
}

export function getBoard(pipelineId: string, query: BoardQueryParams, signal?: AbortSignal): Promise<PipelineBoard> {
  return http.get(`/api/pipelines/${pipelineId}/board`, PipelineBoard, { query, signal });
}

export async function findLostReasons(active: Active = 'true', signal?: AbortSignal): Promise<LostReason[]> {
  return (await http.get('/api/lost-reasons', LostReasonList, { query: { active }, signal })).items;
}

export async function findCompetitors(active: Active = 'true', signal?: AbortSignal): Promise<Competitor[]> {
  return (await http.get('/api/competitors', CompetitorList, { query: { active }, signal })).items;
}

export function createPipeline(body: Output<typeof CreatePipelineRequest>): Promise<Pipeline> {
  return http.post('/api/pipelines', Pipeline, body);
}

export function updatePipeline(id: string, body: Output<typeof UpdatePipelineRequest>): Promise<Pipeline> {
  return http.patch(`/api/pipelines/${id}`, Pipeline, body);
}

/** Stage changes answer with the whole pipeline, its stages in their new order. */
export function createStage(pipelineId: string, body: Output<typeof CreateStageRequest>): Promise<Pipeline> {
  return http.post(`/api/pipelines/${pipelineId}/stages`, Pipeline, body);
}

export function updateStage(
  pipelineId: string,
  stageId: string,
  body: Output<typeof UpdateStageRequest>,
): Promise<Pipeline> {
  return http.patch(`/api/pipelines/${pipelineId}/stages/${stageId}`, Pipeline, body);
}

export function reorderStages(pipelineId: string, stageIds: string[]): Promise<Pipeline> {
  return http.put(`/api/pipelines/${pipelineId}/stages/order`, Pipeline, { stageIds });
}

export function createLostReason(body: Output<typeof CreateLostReasonRequest>): Promise<LostReason> {
  return http.post('/api/lost-reasons', LostReason, body);
}

export function updateLostReason(id: string, body: Output<typeof UpdateLostReasonRequest>): Promise<LostReason> {
  return http.patch(`/api/lost-reasons/${id}`, LostReason, body);
}

export function createCompetitor(body: Output<typeof CreateCompetitorRequest>): Promise<Competitor> {
  return http.post('/api/competitors', Competitor, body);
}

export function updateCompetitor(id: string, body: Output<typeof UpdateCompetitorRequest>): Promise<Competitor> {
  return http.patch(`/api/competitors/${id}`, Competitor, body);
}
