import { randomBytes } from 'node:crypto';
import { createEventId } from '../tracking/event-ids';

/**
 * A load of tracking clients for the "nothing lost" tests: each client is one browser (its own visitor key) that
 * opens the demo card several times, reports actions of its visits and beacons from the demo company's site,
 * through the real HTTP endpoints. Some requests are retried with the same ids, some while the first copy is still
 * in flight, as a client does after a timeout. The ledger says which ids were sent and which were acknowledged.
 */
export interface IngestLoadOptions {
  baseUrl: string;
  cardId: string;
  clients: number;
  /** Card visits per client; each is a view, then one request of actions, then a site beacon. */
  visitsPerClient: number;
  /** Share of requests sent a second time with the same ids (half of those concurrently). */
  retryRate: number;
  /** The demo company's site key and origin, for the site beacons. */
  site: { key: string; origin: string };
  /** Stops sending once this returns true (a crash test pulls the plug under a running load). */
  stopWhen?: () => boolean;
}

/** One HTTP request of the load, kept so that an unanswered one can be sent again as it was. */
export interface SentRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
  eventIds: string[];
}

export class IngestLedger {
  /** Every event id sent at least once. */
  readonly sent = new Set<string>();
  /** Ids of events in a request answered 2xx. */
  readonly acknowledged = new Set<string>();
  /** Requests answered otherwise (5xx, 503, no answer): their events may or may not be stored. */
  readonly unanswered: SentRequest[] = [];
  readonly answered: SentRequest[] = [];
  /** The visitor keys of the clients (each is one visitor). */
  readonly visitorKeys = new Set<string>();
  requests = 0;
  retries = 0;
  readonly statuses = new Map<string, number>();

  record(request: SentRequest, status: number | 'no answer'): void {
    this.requests += 1;
    this.statuses.set(String(status), (this.statuses.get(String(status)) ?? 0) + 1);
    request.eventIds.forEach((id) => this.sent.add(id));
    if (typeof status === 'number' && status >= 200 && status < 300) {
      request.eventIds.forEach((id) => this.acknowledged.add(id));
      this.answered.push(request);
    } else {
      this.unanswered.push(request);
    }
  }

  summary(): Record<string, number | string> {
    return {
      requests: this.requests,
      retries: this.retries,
      eventsSent: this.sent.size,
      eventsAcknowledged: this.acknowledged.size,
      statuses: [...this.statuses].map(([status, count]) => `${status}×${count}`).join(' '),
    };
  }
}

const BROWSER =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 MicroMessenger/8.0.50';

/** Sends one request; its answer (or its absence) goes to the ledger. Resolves with the body of a 2xx. */
export async function send(baseUrl: string, ledger: IngestLedger, request: SentRequest): Promise<unknown> {
  try {
    const response = await fetch(baseUrl + request.path, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(20_000),
    });
    const body: unknown = await response.json().catch(() => null);
    ledger.record(request, response.status);
    return response.ok ? body : undefined;
  } catch {
    ledger.record(request, 'no answer');
    return undefined;
  }
}

export async function runIngestLoad(
  options: IngestLoadOptions,
  ledger = new IngestLedger(),
): Promise<IngestLedger> {
  await Promise.all(Array.from({ length: options.clients }, () => runClient(options, ledger)));
  return ledger;
}

async function runClient(options: IngestLoadOptions, ledger: IngestLedger): Promise<void> {
  const visitorKey = randomBytes(16).toString('base64url');
  ledger.visitorKeys.add(visitorKey);
  const json = { 'content-type': 'application/json', 'user-agent': BROWSER };
  // Sends a request, maybe twice; the answer of the first copy that was answered 2xx counts.
  const sendMaybeTwice = async (request: SentRequest) => {
    const roll = Math.random();
    if (roll < options.retryRate / 2) {
      ledger.retries += 1;
      const [first, second] = await Promise.all([
        send(options.baseUrl, ledger, request),
        send(options.baseUrl, ledger, request),
      ]);
      return first ?? second;
    }
    const first = await send(options.baseUrl, ledger, request);
    if (roll < options.retryRate) {
      ledger.retries += 1;
      return (await send(options.baseUrl, ledger, request)) ?? first;
    }
    return first;
  };

  for (let visit = 0; visit < options.visitsPerClient && !options.stopWhen?.(); visit += 1) {
    const viewId = createEventId();
    const view = (await sendMaybeTwice({
      path: '/api/track/view',
      headers: json,
      body: JSON.stringify({
        eventId: viewId,
        targetType: 'card',
        targetId: options.cardId,
        visitorKey,
        touchpoint: 'h5',
      }),
      eventIds: [viewId],
    })) as { visitToken?: string } | undefined;
    if (view?.visitToken) {
      const actions = [
        { eventId: createEventId(), type: 'click', action: 'call' },
        { eventId: createEventId(), type: 'dwell', seconds: 1 + visit },
      ];
      await sendMaybeTwice({
        path: '/api/track/actions',
        headers: json,
        body: JSON.stringify({ visitToken: view.visitToken, actions }),
        eventIds: actions.map((action) => action.eventId),
      });
    }
    const pageView = createEventId();
    const dwell = createEventId();
    await sendMaybeTwice({
      path: `/api/site/${options.site.key}/events`,
      headers: {
        'content-type': 'text/plain;charset=UTF-8',
        'user-agent': BROWSER,
        origin: options.site.origin,
      },
      body: JSON.stringify({
        visitorKey,
        events: [
          { type: 'view', eventId: pageView, page: { url: `${options.site.origin}/products/radar.html` } },
          { type: 'dwell', eventId: dwell, visitId: pageView, props: { seconds: 3 } },
        ],
      }),
      eventIds: [pageView, dwell],
    });
  }
}
