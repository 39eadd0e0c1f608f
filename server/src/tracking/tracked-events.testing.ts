import { randomUUID } from 'node:crypto';
import type { TrackedEvent } from './entities/tracked-event.entity';

/** A view as the ingest hands it to the log: counted unless the log finds a counted view within the window. */
export function countedViewOf(
  organizationId: string,
  visitorId: string,
  targetId: string,
  receivedAt = new Date(),
): TrackedEvent {
  return {
    id: randomUUID(),
    organizationId,
    type: 'view',
    targetType: 'card',
    targetId,
    shareId: null,
    visitId: null,
    visitorId,
    actorEmployeeId: null,
    creditedEmployeeId: null,
    touchpoint: 'h5',
    verdict: 'counted',
    counted: true,
    props: null,
    userAgent: 'Mozilla/5.0',
    occurredAt: receivedAt,
    receivedAt,
  };
}
