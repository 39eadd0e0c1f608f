import { createHash, randomBytes } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { patternPng } from './png';

export interface FakeWechatOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  appId: string;
  appSecret: string;
}

export interface RecordedCodeRequest {
  scene: string;
  page: string;
  width: number;
}

export interface RecordedSubscribeMessage {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
}

export interface FakeWechat {
  url: string;
  /** A fresh single-use `wx.login` code for the person called `name` (the same name → the same openid). */
  issueLoginCode(name: string): string;
  /** The openid WeChat gives the person called `name`. */
  openidOf(name: string): string;
  /** Makes every access token issued so far stale, as WeChat does when a token expires. */
  expireTokens(): void;
  readonly tokenRequests: number;
  readonly codeRequests: readonly RecordedCodeRequest[];
  readonly phoneRequests: readonly string[];
  readonly subscribeMessages: readonly RecordedSubscribeMessage[];
  close(): Promise<void>;
}

const TOKEN_LIFETIME_SECONDS = 7200;

/**
 * A local stand-in for WeChat's HTTP API (api.weixin.qq.com): code2Session, stable access tokens, unlimited
 * mini-program codes, phone numbers and subscribe messages, with WeChat's error codes. Used by the tests and
 * by demo mode.
 *
 * Login codes: like WeChat, only codes it issued (issueLoginCode, standing in for `wx.login`) are accepted,
 * each once. The same person's codes give the same openid; names starting with `u_` also get a unionid.
 * Phone codes: `phone:<digits>` yields that mainland number.
 */
export async function startFakeWechat(options: FakeWechatOptions): Promise<FakeWechat> {
  const issuedLoginCodes = new Map<string, string>();
  const usedLoginCodes = new Set<string>();
  const validTokens = new Set<string>();
  const codeRequests: RecordedCodeRequest[] = [];
  const phoneRequests: string[] = [];
  const subscribeMessages: RecordedSubscribeMessage[] = [];
  let tokenRequests = 0;
  let currentToken: { token: string; expiresAt: number } | null = null;

  const openidOf = (name: string) =>
    'o' + createHash('sha256').update(`openid:${name}`).digest('base64url').slice(0, 27);
  const unionidOf = (name: string) =>
    'u' + createHash('sha256').update(`unionid:${name}`).digest('base64url').slice(0, 27);

  function checkToken(url: URL, response: ServerResponse): boolean {
    const token = url.searchParams.get('access_token') ?? '';
    if (validTokens.has(token)) return true;
    send(response, 200, {
      errcode: 40001,
      errmsg: 'invalid credential, access_token is invalid or not latest',
    });
    return false;
  }

  const routes: Record<string, (url: URL, body: Record<string, unknown>, response: ServerResponse) => void> =
    {
      'GET /sns/jscode2session': (url, _body, response) => {
        if (
          url.searchParams.get('appid') !== options.appId ||
          url.searchParams.get('secret') !== options.appSecret
        ) {
          return send(response, 200, { errcode: 40125, errmsg: 'invalid appsecret' });
        }
        const code = url.searchParams.get('js_code') ?? '';
        if (!code) return send(response, 200, { errcode: 41008, errmsg: 'missing code' });
        if (usedLoginCodes.has(code))
          return send(response, 200, { errcode: 40163, errmsg: 'code been used' });
        const person = issuedLoginCodes.get(code);
        if (person === undefined) return send(response, 200, { errcode: 40029, errmsg: 'invalid code' });
        usedLoginCodes.add(code);
        send(response, 200, {
          openid: openidOf(person),
          session_key: randomBytes(16).toString('base64'),
          ...(person.startsWith('u_') ? { unionid: unionidOf(person) } : {}),
        });
      },
      'POST /cgi-bin/stable_token': (_url, body, response) => {
        tokenRequests++;
        if (body.appid !== options.appId || body.secret !== options.appSecret) {
          return send(response, 200, { errcode: 40125, errmsg: 'invalid appsecret' });
        }
        // Like WeChat's stable token: the same token until it expires, unless a refresh is forced.
        if (!currentToken || currentToken.expiresAt <= Date.now() || body.force_refresh === true) {
          currentToken = {
            token: randomBytes(24).toString('base64url'),
            expiresAt: Date.now() + TOKEN_LIFETIME_SECONDS * 1000,
          };
          validTokens.add(currentToken.token);
        }
        send(response, 200, {
          access_token: currentToken.token,
          expires_in: Math.round((currentToken.expiresAt - Date.now()) / 1000),
        });
      },
      'POST /wxa/getwxacodeunlimit': (url, body, response) => {
        if (!checkToken(url, response)) return;
        const scene = typeof body.scene === 'string' ? body.scene : '';
        if (scene.length === 0 || scene.length > 32) {
          return send(response, 200, {
            errcode: 40169,
            errmsg: 'invalid length for scene, or the data is not json string',
          });
        }
        const page = typeof body.page === 'string' ? body.page : '';
        const width = typeof body.width === 'number' ? body.width : 430;
        codeRequests.push({ scene, page, width });
        response.writeHead(200, { 'content-type': 'image/png' });
        response.end(patternPng(`${page}?${scene}`));
      },
      'POST /wxa/business/getuserphonenumber': (url, body, response) => {
        if (!checkToken(url, response)) return;
        const code = typeof body.code === 'string' ? body.code : '';
        const match = /^phone:(\d{11})$/.exec(code);
        if (!match) return send(response, 200, { errcode: 40029, errmsg: 'invalid code' });
        phoneRequests.push(code);
        send(response, 200, {
          errcode: 0,
          errmsg: 'ok',
          phone_info: { phoneNumber: match[1], purePhoneNumber: match[1], countryCode: '86' },
        });
      },
      'POST /cgi-bin/message/subscribe/send': (url, body, response) => {
        if (!checkToken(url, response)) return;
        if (typeof body.touser !== 'string' || typeof body.template_id !== 'string') {
          return send(response, 200, {
            errcode: 47003,
            errmsg: 'argument invalid! touser and template_id are required',
          });
        }
        subscribeMessages.push(body as unknown as RecordedSubscribeMessage);
        send(response, 200, { errcode: 0, errmsg: 'ok' });
      },
    };

  const server = createServer((request, response) => {
    readBody(request)
      .then((body) => {
        const url = new URL(request.url ?? '/', 'http://fake-wechat');
        const route = routes[`${request.method} ${url.pathname}`];
        if (!route) return send(response, 404, { errcode: 404, errmsg: `no such API: ${url.pathname}` });
        route(url, body, response);
      })
      .catch(() => send(response, 200, { errcode: 47001, errmsg: 'data format error' }));
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    issueLoginCode(name) {
      const code = randomBytes(16).toString('base64url');
      issuedLoginCodes.set(code, name);
      return code;
    },
    openidOf,
    expireTokens() {
      validTokens.clear();
      currentToken = null;
    },
    get tokenRequests() {
      return tokenRequests;
    },
    codeRequests,
    phoneRequests,
    subscribeMessages,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return {};
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}
