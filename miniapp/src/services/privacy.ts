import type {
  AuditLogResponse,
  ConsentPurpose,
  ErasureReport,
  ListAuditLogQuery,
  PersonalDataExport,
  PrivacyStatus,
  RetentionSettings,
  RetentionSettingsResponse,
} from '@cardhub/shared';
import { queryString, request } from './request';

/** A visitor's own privacy requests: the visit token of the page they came from proves who they are. */
export function getPrivacyStatus(visitToken: string): Promise<PrivacyStatus> {
  return request<PrivacyStatus>('POST', '/api/privacy/me', { visitToken });
}

export function chooseConsent(
  visitToken: string,
  purpose: ConsentPurpose,
  granted: boolean,
): Promise<PrivacyStatus> {
  return request<PrivacyStatus>('POST', '/api/privacy/me/consents', { visitToken, purpose, granted });
}

export function exportOwnData(visitToken: string): Promise<PersonalDataExport> {
  return request<PersonalDataExport>('POST', '/api/privacy/me/export', { visitToken });
}

export function eraseOwnData(visitToken: string): Promise<ErasureReport> {
  return request<ErasureReport>('POST', '/api/privacy/me/erase', { visitToken });
}

/** Admins, for requests that came by phone, mail or in person. */
export function exportLeadPerson(leadId: string): Promise<PersonalDataExport> {
  return request<PersonalDataExport>('GET', `/api/leads/${encodeURIComponent(leadId)}/personal-data`);
}

export function eraseLeadPerson(leadId: string, reason: string): Promise<ErasureReport> {
  return request<ErasureReport>('POST', `/api/leads/${encodeURIComponent(leadId)}/erase`, { reason });
}

export function getRetentionSettings(): Promise<RetentionSettingsResponse> {
  return request<RetentionSettingsResponse>('GET', '/api/retention-settings');
}

export function saveRetentionSettings(settings: RetentionSettings): Promise<RetentionSettingsResponse> {
  return request<RetentionSettingsResponse>('PUT', '/api/retention-settings', settings);
}

export function listAuditLog(query: ListAuditLogQuery): Promise<AuditLogResponse> {
  return request<AuditLogResponse>('GET', `/api/audit-log${queryString(query)}`);
}

/** Saves a copy as a JSON file (H5); the browser names it. */
export function saveJson(data: unknown, fileName: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
