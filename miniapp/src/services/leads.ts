import type {
  AssignLeadInput,
  ChangeLeadStageInput,
  ExportLeadsQuery,
  LeadDetail,
  LeadListResponse,
  ListLeadsQuery,
} from '@cardhub/shared';
import { downloadApiFile } from './download';
import { queryString, request } from './request';

export function listLeads(query: ListLeadsQuery): Promise<LeadListResponse> {
  return request<LeadListResponse>('GET', `/api/leads${queryString(query)}`);
}

export function getLead(id: string): Promise<LeadDetail> {
  return request<LeadDetail>('GET', `/api/leads/${encodeURIComponent(id)}`);
}

export function claimLead(id: string): Promise<LeadDetail> {
  return request<LeadDetail>('POST', `/api/leads/${encodeURIComponent(id)}/claim`);
}

export function changeLeadStage(id: string, input: ChangeLeadStageInput): Promise<LeadDetail> {
  return request<LeadDetail>('POST', `/api/leads/${encodeURIComponent(id)}/stage`, input);
}

export function addLeadFollowUp(id: string, note: string): Promise<LeadDetail> {
  return request<LeadDetail>('POST', `/api/leads/${encodeURIComponent(id)}/follow-ups`, { note });
}

export function assignLead(id: string, input: AssignLeadInput): Promise<LeadDetail> {
  return request<LeadDetail>('POST', `/api/leads/${encodeURIComponent(id)}/assign`, input);
}

/** Downloads the filtered list as a file (H5 only). */
export function downloadLeadExport(format: 'csv' | 'xlsx', filters: ExportLeadsQuery): Promise<void> {
  return downloadApiFile(`/api/leads/export.${format}${queryString(filters)}`, `线索.${format}`);
}

export function setLeadTags(id: string, tags: string[]): Promise<LeadDetail> {
  return request<LeadDetail>('PUT', `/api/leads/${encodeURIComponent(id)}/tags`, { tags });
}
