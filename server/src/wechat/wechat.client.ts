import { Injectable } from '@nestjs/common';
import { AppConfig } from '../common/config';
import { type AccessTokenStore, InProcessAccessTokenStore } from './access-token-store';
import { WechatApiError } from './wechat-api-error';

export { WechatApiError } from './wechat-api-error';

export interface WechatSession {
  openid: string;
  unionid?: string;
  /** Stays on the server: decrypts WeChat payloads; never sent to a client or written to a log. */
  sessionKey: string;
}

export interface PhoneNumber {
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
}

export interface MiniProgramCodeRequest {
  /** At most 32 visible characters; carries the share code. */
  scene: string;
  /** A published page, without a query (`pages/card/view/index`). */
  page: string;
  width?: number;
  /** Off by default so codes can be made for pages not yet released. */
  checkPath?: boolean;
  envVersion?: 'release' | 'trial' | 'develop';
}

export interface SubscribeMessage {
  toOpenId: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogramState?: 'developer' | 'trial' | 'formal';
}

const REQUEST_TIMEOUT_MS = 5000;
/** Refresh a little before WeChat's expiry so no request goes out with a token that dies in flight. */
const TOKEN_REFRESH_MARGIN_MS = 5 * 60 * 1000;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface WechatErrorBody {
  errcode?: number;
  errmsg?: string;
}

/** The one way the server talks to WeChat's HTTP API. Its base URL is configurable so tests use a fake. */
@Injectable()
export class WechatClient {
  private readonly appId: string;
  private readonly appSecret: string;
  private readonly baseUrl: string;
  private refreshing: Promise<string> | null = null;

  constructor(
    config: AppConfig,
    private readonly tokens: AccessTokenStore = new InProcessAccessTokenStore(),
  ) {
    this.appId = config.wechat.appId;
    this.appSecret = config.wechat.appSecret;
    this.baseUrl = config.wechat.apiBaseUrl.replace(/\/+$/, '');
  }

  /** Redeems a one-time `wx.login` code. */
  async code2Session(jsCode: string): Promise<WechatSession> {
    const query = new URLSearchParams({
      appid: this.appId,
      secret: this.appSecret,
      js_code: jsCode,
      grant_type: 'authorization_code',
    });
    const body = await this.json<{ openid: string; unionid?: string; session_key: string }>(
      'jscode2session',
      `/sns/jscode2session?${query}`,
      { method: 'GET' },
    );
    return { openid: body.openid, unionid: body.unionid, sessionKey: body.session_key };
  }

  /**
   * The stable access token, cached until shortly before it expires. Concurrent callers share one refresh:
   * two refreshes would each be valid, but a forced one invalidates the other.
   */
  async getAccessToken(): Promise<string> {
    const cached = await this.tokens.get();
    if (cached && cached.expiresAt - TOKEN_REFRESH_MARGIN_MS > Date.now()) return cached.token;
    this.refreshing ??= this.refreshAccessToken().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  async invalidateAccessToken(): Promise<void> {
    await this.tokens.clear();
  }

  async getUnlimitedMiniProgramCode(request: MiniProgramCodeRequest): Promise<Buffer> {
    if (request.scene.length === 0 || request.scene.length > 32) {
      throw new RangeError(`scene must be 1–32 characters, got ${request.scene.length}`);
    }
    return this.withAccessToken(async (token) => {
      const response = await this.post(`/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(token)}`, {
        scene: request.scene,
        page: request.page,
        width: request.width ?? 430,
        check_path: request.checkPath ?? false,
        env_version: request.envVersion ?? 'release',
      });
      const bytes = Buffer.from(await response.arrayBuffer());
      if (bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes[0] === 0xff) return bytes;
      throw this.errorFrom('getwxacodeunlimit', parseJson(bytes.toString('utf8')));
    });
  }

  async getPhoneNumber(code: string): Promise<PhoneNumber> {
    const body = await this.withAccessToken((token) =>
      this.json<{ phone_info: PhoneNumber }>(
        'getuserphonenumber',
        `/wxa/business/getuserphonenumber?access_token=${encodeURIComponent(token)}`,
        jsonRequest({ code }),
      ),
    );
    return body.phone_info;
  }

  async sendSubscribeMessage(message: SubscribeMessage): Promise<void> {
    await this.withAccessToken((token) =>
      this.json(
        'subscribe_send',
        `/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`,
        jsonRequest({
          touser: message.toOpenId,
          template_id: message.templateId,
          page: message.page,
          data: message.data,
          miniprogram_state: message.miniprogramState ?? 'formal',
          lang: 'zh_CN',
        }),
      ),
    );
  }

  private async refreshAccessToken(): Promise<string> {
    const body = await this.json<{ access_token: string; expires_in: number }>(
      'stable_token',
      '/cgi-bin/stable_token',
      jsonRequest({
        grant_type: 'client_credential',
        appid: this.appId,
        secret: this.appSecret,
        force_refresh: false,
      }),
    );
    await this.tokens.set({ token: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 });
    return body.access_token;
  }

  /** Runs a call with the current token; a token WeChat calls stale is dropped and the call retried once. */
  private async withAccessToken<T>(call: (token: string) => Promise<T>): Promise<T> {
    try {
      return await call(await this.getAccessToken());
    } catch (error) {
      if (!(error instanceof WechatApiError) || !error.isStaleAccessToken) throw error;
      await this.invalidateAccessToken();
      return call(await this.getAccessToken());
    }
  }

  private post(path: string, body: unknown): Promise<Response> {
    return fetch(this.baseUrl + path, {
      ...jsonRequest(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  }

  private async json<T>(api: string, path: string, init: RequestInit): Promise<T> {
    const response = await fetch(this.baseUrl + path, {
      ...init,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = parseJson(await response.text());
    if (!response.ok || (body.errcode !== undefined && body.errcode !== 0))
      throw this.errorFrom(api, body, response.status);
    return body as T;
  }

  private errorFrom(api: string, body: WechatErrorBody, status?: number): WechatApiError {
    return new WechatApiError(api, body.errcode ?? -1, body.errmsg ?? `HTTP ${status ?? 'error'}`);
  }
}

function jsonRequest(body: unknown): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

function parseJson(text: string): WechatErrorBody & Record<string, unknown> {
  try {
    return JSON.parse(text) as WechatErrorBody & Record<string, unknown>;
  } catch {
    return { errcode: -1, errmsg: 'WeChat answered something that is not JSON' };
  }
}
