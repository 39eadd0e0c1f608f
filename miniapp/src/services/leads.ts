import type { ChangeLeadStageInput, LeadDetail, LeadListResponse, ListLeadsQuery } from '@cardhub/shared';
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
