import type {
  CreateMaterialInput,
  LoginResponse,
  MaterialDto,
  ShareDto,
  TrackViewResponse,
} from '@cardhub/shared';
import { type TestApp, bearer } from '../test-support';
import { cardLoop } from '../tracking/card-loop.testing';

export const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

/** A prospect's visit of a material: the token its actions need, and the visitor key to come back with. */
export interface MaterialVisit extends TrackViewResponse {
  visitorKey: string;
}

/** The material loop (publish → share → view → read → forward) over HTTP, for the stats and tasks specs. */
export function materialLoop(t: TestApp) {
  const loop = cardLoop(t);
  const expectStatus = (response: { status: number; body: unknown }, status: number, what: string) => {
    if (response.status !== status)
      throw new Error(`${what} failed: ${response.status} ${JSON.stringify(response.body)}`);
  };
  return {
    ...loop,

    async publish(admin: LoginResponse, fields: Partial<CreateMaterialInput> = {}): Promise<MaterialDto> {
      const created = await t.http
        .post('/api/materials')
        .set(bearer(admin))
        .send({ type: 'article', title: '智能名片实战手册', body: '<p>正文</p>', ...fields });
      expectStatus(created, 201, 'create material');
      const published = await t.http.post(`/api/materials/${created.body.id}/publish`).set(bearer(admin));
      expectStatus(published, 200, 'publish material');
      return published.body as MaterialDto;
    },

    async shareMaterial(sharer: LoginResponse, materialId: string): Promise<ShareDto> {
      const response = await loop.share(sharer, { targetType: 'material', targetId: materialId });
      expectStatus(response, 201, 'share');
      return response.body as ShareDto;
    },

    /** A view through a share: a new prospect unless a visitor key, a staff login or a user agent says otherwise. */
    async viewMaterial(
      materialId: string,
      shareCode: string,
      options: { visitorKey?: string; token?: LoginResponse; userAgent?: string } = {},
    ): Promise<MaterialVisit> {
      const visitorKey = options.visitorKey ?? loop.newVisitorKey();
      const view = await loop.viewOk(
        {
          targetType: 'material',
          targetId: materialId,
          shareCode,
          visitorKey: options.token ? undefined : visitorKey,
        },
        options,
      );
      return { ...view, visitorKey };
    },

    async act(visit: MaterialVisit, actions: Record<string, unknown>[]): Promise<void> {
      expectStatus(await loop.actions(visit.visitToken, actions), 200, 'actions');
    },

    /** A prospect forwards the share they arrived by. */
    async forward(visit: MaterialVisit, materialId: string, parentCode: string): Promise<ShareDto> {
      const response = await loop.share(undefined, {
        targetType: 'material',
        targetId: materialId,
        parentCode,
        visitToken: visit.visitToken,
      });
      expectStatus(response, 201, 'forward');
      return response.body as ShareDto;
    },
  };
}
