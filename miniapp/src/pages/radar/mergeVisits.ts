import type { RadarVisit } from '@cardhub/shared';

/**
 * Folds a freshly fetched page into the list on screen: a visit seen again is replaced by its
 * newer state (dwell and actions grow), new visits are added, and the list stays newest first.
 */
export function mergeVisits(onScreen: RadarVisit[], fetched: RadarVisit[]): RadarVisit[] {
  const byId = new Map(onScreen.map((visit) => [visit.visitId, visit]));
  for (const visit of fetched) byId.set(visit.visitId, visit);
  return [...byId.values()].sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
}
