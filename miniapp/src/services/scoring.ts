import type {
  HandoffSettings,
  HandoffSettingsResponse,
  ScoringConfig,
  ScoringConfigResponse,
} from '@cardhub/shared';
import { request } from './request';

export function fetchScoringConfig(): Promise<ScoringConfigResponse> {
  return request<ScoringConfigResponse>('GET', '/api/scoring-config');
}

/** Saves the rules; the server re-scores existing leads in the background (`rescore` tells how far). */
export function saveScoringConfig(config: ScoringConfig): Promise<ScoringConfigResponse> {
  return request<ScoringConfigResponse>('PUT', '/api/scoring-config', config);
}

export function fetchHandoffSettings(): Promise<HandoffSettingsResponse> {
  return request<HandoffSettingsResponse>('GET', '/api/handoff-settings');
}

export function saveHandoffSettings(settings: HandoffSettings): Promise<HandoffSettingsResponse> {
  return request<HandoffSettingsResponse>('PUT', '/api/handoff-settings', settings);
}
