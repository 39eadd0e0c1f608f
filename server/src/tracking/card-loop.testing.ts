import type { LoginResponse, ShareDto, TrackViewInput, TrackViewResponse } from '@cardhub/shared';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { Card } from '../cards/entities/card.entity';
import { type TestApp, bearer } from '../test-support';
import { TrackedEvent } from './entities/tracked-event.entity';

export const BROWSER_USER_AGENT =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.44';

/** Steps of the card loop (share → view → act) driven over HTTP, for the specs of cards, shares, tracking, radar and web. */
export function cardLoop(t: TestApp) {
  const dataSource = () => t.get(DataSource);
  return {
    newVisitorKey: () => randomBytes(12).toString('hex'),

    async cardIdOf(employeeId: string): Promise<string> {
      return (await dataSource().getRepository(Card).findOneByOrFail({ employeeId })).id;
    },

    async share(sharer: LoginResponse | undefined, body: Record<string, unknown>): Promise<Response> {
      const request = t.http.post('/api/shares').set('User-Agent', BROWSER_USER_AGENT);
      return (sharer ? request.set(bearer(sharer)) : request).send({
        targetType: 'card',
        channel: 'chat',
        ...body,
      });
    },

    async shareOwnCard(sharer: LoginResponse): Promise<ShareDto> {
      const principal = sharer.principal;
      if (principal.kind !== 'employee') throw new Error('only staff share their own card');
      const response = await this.share(sharer, { targetId: await this.cardIdOf(principal.employeeId) });
      if (response.status !== 201)
        throw new Error(`share failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body as ShareDto;
    },

    /** Sends any body, valid or not; `viewOk` for views that must succeed. */
    view(
      body: Record<string, unknown>,
      options: { token?: LoginResponse; userAgent?: string } = {},
    ): Promise<Response> {
      const request = t.http
        .post('/api/track/view')
        .set('User-Agent', options.userAgent ?? BROWSER_USER_AGENT);
      return (options.token ? request.set(bearer(options.token)) : request).send({
        eventId: randomUUID(),
        targetType: 'card',
        touchpoint: 'h5',
        ...body,
      });
    },

    async viewOk(
      body: Partial<TrackViewInput> & { targetId: string },
      options: { token?: LoginResponse; userAgent?: string } = {},
    ) {
      const response = await this.view(body, options);
      if (response.status !== 200)
        throw new Error(`view failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body as TrackViewResponse;
    },

    actions(visitToken: string, actions: Record<string, unknown>[]): Promise<Response> {
      return t.http
        .post('/api/track/actions')
        .send({ visitToken, actions: actions.map((action) => ({ eventId: randomUUID(), ...action })) });
    },

    events: () => dataSource().getRepository(TrackedEvent),
  };
}
