import type { LoginResponse, SiteLinkDto } from '@cardhub/shared';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Test } from 'supertest';
import { DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { Consent } from '../privacy/entities/consent.entity';
import { type TestApp, bearer } from '../test-support';
import { TrackedEvent } from '../tracking/entities/tracked-event.entity';
import { BROWSER_USER_AGENT } from '../tracking/card-loop.testing';
import { VisitorIdentity } from '../visitors/entities/visitor-identity.entity';
import { Visitor } from '../visitors/entities/visitor.entity';
import { SitePage } from './entities/site-page.entity';

/** The demo organization's site (DEMO_SITE_URL's default) and its public key. */
export const DEMO_SITE = 'http://localhost:3200';
export const DEMO_KEY = 'demo';

export interface SiteRequestOptions {
  origin?: string | null;
  organizationKey?: string;
  contentType?: string;
  userAgent?: string;
}

/** The site tracker's requests, as a page of the demo site sends them (text/plain JSON, by default). */
export function siteTracker(t: TestApp) {
  const repository = <T extends ObjectLiteral>(entity: EntityTarget<T>) =>
    t.get(DataSource).getRepository(entity);
  const post = (endpoint: string, body: unknown, options: SiteRequestOptions = {}): Test => {
    const request = t.http
      .post(`/api/site/${options.organizationKey ?? DEMO_KEY}/${endpoint}`)
      .set('Content-Type', options.contentType ?? 'text/plain;charset=UTF-8')
      .set('User-Agent', options.userAgent ?? BROWSER_USER_AGENT);
    if (options.origin !== null) request.set('Origin', options.origin ?? DEMO_SITE);
    return request.send(typeof body === 'string' ? body : JSON.stringify(body));
  };

  return {
    newVisitorKey: () => randomBytes(16).toString('base64url'),

    /** A page view event for a path of the demo site. */
    view: (path: string, title = '', eventId = randomUUID()) => ({
      type: 'view',
      eventId,
      page: { url: `${DEMO_SITE}${path}`, title },
    }),

    action: (visitId: string, type: string, props: Record<string, unknown>) => ({
      type,
      eventId: randomUUID(),
      visitId,
      props,
    }),

    beacon: (body: unknown, options?: SiteRequestOptions) => post('events', body, options),
    identify: (body: unknown, options?: SiteRequestOptions) => post('identify', body, options),
    lead: (body: unknown, options?: SiteRequestOptions) => post('leads', body, options),

    async createLink(staff: LoginResponse, url: string, channel?: string): Promise<SiteLinkDto> {
      const response = await t.http
        .post('/api/site/links')
        .set(bearer(staff))
        .send({ url, ...(channel ? { channel } : {}) });
      if (response.status !== 201)
        throw new Error(`site link failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body as SiteLinkDto;
    },

    /** Row counts of everything the site endpoints write: equal before and after a refused request. */
    async storedCounts(): Promise<Record<string, number>> {
      const tables: Record<string, EntityTarget<ObjectLiteral>> = {
        TrackedEvent,
        Visitor,
        VisitorIdentity,
        Consent,
        SitePage,
      };
      const counts = await Promise.all(
        Object.entries(tables).map(
          async ([name, entity]) => [name, await repository(entity).count()] as const,
        ),
      );
      return Object.fromEntries(counts);
    },

    events: () => repository(TrackedEvent),
    visitors: () => repository(Visitor),
    identities: () => repository(VisitorIdentity),
    consents: () => repository(Consent),
    pages: () => repository(SitePage),
  };
}
