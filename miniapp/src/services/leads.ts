import type {
  AssignLeadInput,
  ChangeLeadStageInput,
  ExportLeadsQuery,
  LeadDetail,
  LeadListResponse,
  ListLeadsQuery,
} from '@cardhub/shared';
import { ApiError, apiUrl, authHeader, parseResponse, queryString, request } from './request';

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

/** Downloads the filtered list as a file (H5 only): fetched with the session, then saved by the browser. */
export async function downloadLeadExport(format: 'csv' | 'xlsx', filters: ExportLeadsQuery): Promise<void> {
  let response: Response;
  try {
    response = await fetch(apiUrl(`/api/leads/export.${format}${queryString(filters)}`), {
      headers: authHeader(),
    });
  } catch {
    throw new ApiError(0, { statusCode: 0, error: 'Network Error', message: '网络异常，请检查网络后重试' });
  }
  if (!response.ok) parseResponse(response.status, await response.json().catch(() => undefined));
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = `线索.${format}`;
  link.click();
  URL.revokeObjectURL(link.href);
}

export function setLeadTags(id: string, tags: string[]): Promise<LeadDetail> {
  return request<LeadDetail>('PUT', `/api/leads/${encodeURIComponent(id)}/tags`, { tags });
}
