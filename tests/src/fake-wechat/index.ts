import { createHash, randomBytes } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { patternPng } from './png';

export interface FakeWechatOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  appId: string;
  appSecret: string;
  /** How long an access token lives; WeChat's is 7200 s. */
  tokenLifetimeSeconds?: number;
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
  miniprogram_state?: string;
  data: Record<string, { value: string }>;
}

export interface FakeWechat {
  url: string;
  /** A fresh single-use `wx.login` code for the person called `name` (the same name → the same openid). */
  issueLoginCode(name: string): string;
  /** The openid this mini-program's user called `name` has. */
  openidOf(name: string): string;
  /** Every access token issued so far expires now (WeChat answers 42001 to calls that use one). */
  expireTokens(): void;
  /** Every access token issued so far is void, as after another server's forced refresh (WeChat answers 40001). */
  revokeTokens(): void;
  /** How many times `stable_token` was called. */
  readonly tokenRequests: number;
  /** Mini-program codes drawn, oldest first. */
  readonly codeRequests: readonly RecordedCodeRequest[];
  /** Phone-number codes redeemed, oldest first. */
  readonly phoneRequests: readonly string[];
  readonly subscribeMessages: readonly RecordedSubscribeMessage[];
  close(): Promise<void>;
}

const DEFAULT_TOKEN_LIFETIME_SECONDS = 7200;
/** In its last 5 minutes a stable token is replaced by a new one; both work until the old one expires. */
const TOKEN_ROTATION_WINDOW_MS = 5 * 60 * 1000;
const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;
const MIN_CODE_WIDTH = 280;
const MAX_CODE_WIDTH = 1280;
/** `test:<name>` or `test:<name>:<counter>`: the counter only makes the code fresh. */
const LOGIN_CODE_PATTERN = /^test:(.+?)(?::\d+)?$/;
const PHONE_CODE_PATTERN = /^phone:(\d{5,15})$/;

type Route = (url: URL, body: Record<string, unknown>, response: ServerResponse) => void;

/**
 * A local stand-in for WeChat's HTTP API (api.weixin.qq.com) with WeChat's request shapes and error codes:
 * code2Session, stable access tokens, unlimited mini-program codes, phone numbers and subscribe messages.
 * Used by the tests and by demo mode.
 *
 * - Login codes look like `test:<name>` (issueLoginCode adds a counter); each is accepted once, and the same
 *   name always gets the same openid. Names starting with `u_` also get a unionid. Any other code is invalid.
 * - Phone codes look like `phone:<digits>` and yield that mainland (+86) number, once.
 * - Access tokens behave like WeChat's stable tokens: the same token until its last 5 minutes, then a new one.
 */
export async function startFakeWechat(options: FakeWechatOptions): Promise<FakeWechat> {
  const tokenLifetimeMs = (options.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS) * 1000;
  const usedCodes = new Set<string>();
  const tokenExpiries = new Map<string, number>();
  let currentToken: string | null = null;
  let tokenRequests = 0;
  let issuedLoginCodes = 0;
  const codeRequests: RecordedCodeRequest[] = [];
  const phoneRequests: string[] = [];
  const subscribeMessages: RecordedSubscribeMessage[] = [];

  // openids differ between mini-programs, unionids do not: as on WeChat.
  const openidOf = (name: string) => 'o' + hashOf(`openid:${options.appId}:${name}`);
  const unionidOf = (name: string) => 'u' + hashOf(`unionid:${name}`);

  function checkCredentials(appId: unknown, secret: unknown, response: ServerResponse): boolean {
    if (appId !== options.appId) send(response, { errcode: 40013, errmsg: 'invalid appid' });
    else if (secret !== options.appSecret) send(response, { errcode: 40125, errmsg: 'invalid appsecret' });
    else return true;
    return false;
  }

  function checkAccessToken(url: URL, response: ServerResponse): boolean {
    const token = url.searchParams.get('access_token');
    const expiresAt = token === null ? undefined : tokenExpiries.get(token);
    if (token === null) send(response, { errcode: 41001, errmsg: 'access_token missing' });
    else if (expiresAt === undefined) {
      send(response, { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
    } else if (expiresAt <= Date.now()) send(response, { errcode: 42001, errmsg: 'access_token expired' });
    else return true;
    return false;
  }

  /** Marks a one-time code used; false (and the answer sent) when it was used before. */
  function redeemOnce(code: string, response: ServerResponse): boolean {
    if (usedCodes.has(code)) {
      send(response, { errcode: 40163, errmsg: 'code been used' });
      return false;
    }
    usedCodes.add(code);
    return true;
  }

  function issueToken(): string {
    const token = randomBytes(48).toString('base64url');
    tokenExpiries.set(token, Date.now() + tokenLifetimeMs);
    currentToken = token;
    return token;
  }

  const routes: Record<string, Route> = {
    'GET /sns/jscode2session': (url, _body, response) => {
      if (!checkCredentials(url.searchParams.get('appid'), url.searchParams.get('secret'), response)) return;
      if (url.searchParams.get('grant_type') !== 'authorization_code') {
        return send(response, { errcode: 40002, errmsg: 'invalid grant_type' });
      }
      const code = url.searchParams.get('js_code') ?? '';
      if (!code) return send(response, { errcode: 41008, errmsg: 'missing code' });
      const name = LOGIN_CODE_PATTERN.exec(code)?.[1];
      if (name === undefined) return send(response, { errcode: 40029, errmsg: 'invalid code' });
      if (!redeemOnce(code, response)) return;
      send(response, {
        openid: openidOf(name),
        session_key: randomBytes(16).toString('base64'),
        ...(name.startsWith('u_') ? { unionid: unionidOf(name) } : {}),
      });
    },

    'POST /cgi-bin/stable_token': (_url, body, response) => {
      tokenRequests++;
      if (body.grant_type !== 'client_credential')
        return send(response, { errcode: 40002, errmsg: 'invalid grant_type' });
      if (!checkCredentials(body.appid, body.secret, response)) return;
      if (body.force_refresh === true) {
        tokenExpiries.clear();
        currentToken = null;
      }
      const currentExpiry = currentToken === null ? 0 : tokenExpiries.get(currentToken)!;
      const token = currentExpiry - Date.now() > TOKEN_ROTATION_WINDOW_MS ? currentToken! : issueToken();
      send(response, {
        access_token: token,
        expires_in: Math.round((tokenExpiries.get(token)! - Date.now()) / 1000),
      });
    },

    'POST /wxa/getwxacodeunlimit': (url, body, response) => {
      if (!checkAccessToken(url, response)) return;
      const scene = typeof body.scene === 'string' ? body.scene : '';
      if (!SCENE_PATTERN.test(scene)) {
        return send(response, {
          errcode: 40169,
          errmsg: 'invalid length for scene, or the data is not json string',
        });
      }
      const page = typeof body.page === 'string' ? body.page : '';
      if (page.startsWith('/') || page.includes('?'))
        return send(response, { errcode: 41030, errmsg: 'invalid page' });
      const width = typeof body.width === 'number' ? body.width : 430;
      codeRequests.push({ scene, page, width });
      // WeChat labels these images image/jpeg; ours are PNGs and say so.
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end(patternPng(`${page}?${scene}`, Math.min(Math.max(width, MIN_CODE_WIDTH), MAX_CODE_WIDTH)));
    },

    'POST /wxa/business/getuserphonenumber': (url, body, response) => {
      if (!checkAccessToken(url, response)) return;
      const code = typeof body.code === 'string' ? body.code : '';
      const digits = PHONE_CODE_PATTERN.exec(code)?.[1];
      if (digits === undefined) return send(response, { errcode: 40029, errmsg: 'invalid code' });
      if (!redeemOnce(code, response)) return;
      phoneRequests.push(code);
      send(response, {
        errcode: 0,
        errmsg: 'ok',
        phone_info: {
          phoneNumber: digits,
          purePhoneNumber: digits,
          countryCode: 86,
          watermark: { timestamp: Math.floor(Date.now() / 1000), appid: options.appId },
        },
      });
    },

    'POST /cgi-bin/message/subscribe/send': (url, body, response) => {
      if (!checkAccessToken(url, response)) return;
      if (typeof body.touser !== 'string' || !/^o[\w-]{27}$/.test(body.touser)) {
        return send(response, { errcode: 40003, errmsg: 'invalid openid' });
      }
      if (typeof body.template_id !== 'string' || body.template_id === '') {
        return send(response, { errcode: 40037, errmsg: 'invalid template_id' });
      }
      if (typeof body.data !== 'object' || body.data === null) {
        return send(response, { errcode: 47003, errmsg: 'argument invalid! data is required' });
      }
      subscribeMessages.push(body as unknown as RecordedSubscribeMessage);
      send(response, { errcode: 0, errmsg: 'ok' });
    },
  };

  const server = createServer((request, response) => {
    readJsonBody(request).then(
      (body) => {
        const url = new URL(request.url ?? '/', 'http://fake-wechat');
        const route = routes[`${request.method} ${url.pathname}`];
        if (!route)
          return send(
            response,
            { errcode: 404, errmsg: `no such API: ${request.method} ${url.pathname}` },
            404,
          );
        route(url, body, response);
      },
      () => send(response, { errcode: 47001, errmsg: 'data format error' }),
    );
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host}:${port}`,
    issueLoginCode: (name) => `test:${name}:${++issuedLoginCodes}`,
    openidOf,
    expireTokens() {
      for (const token of tokenExpiries.keys()) tokenExpiries.set(token, Date.now());
    },
    revokeTokens() {
      tokenExpiries.clear();
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

/** 27 URL-safe characters: with a one-letter prefix, as long as a real openid. */
function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 27);
}

async function readJsonBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return {};
  const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new TypeError('not a JSON object');
  return body as Record<string, unknown>;
}

/** WeChat answers errors with HTTP 200 and an errcode in the body. */
function send(response: ServerResponse, body: unknown, status = 200): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}
