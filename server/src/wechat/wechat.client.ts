import { MAX_SCENE_LENGTH } from '@cardhub/shared';
import type { AppConfig } from '../common/config';
import {
  type AccessTokenStore,
  type CachedAccessToken,
  InProcessAccessTokenStore,
} from './access-token-store';
import { WechatApiError } from './wechat-api-error';

export { WechatApiError } from './wechat-api-error';
export {
  type AccessTokenStore,
  type CachedAccessToken,
  InProcessAccessTokenStore,
  RedisAccessTokenStore,
} from './access-token-store';

/** The mini-program's credentials and where WeChat's API is (the fake one in tests and demo mode). */
/** What the client needs: the app's credentials and where WeChat's API is. */
export type WechatConfig = Pick<AppConfig['wechat'], 'appId' | 'appSecret' | 'apiBaseUrl'>;

export interface WechatSession {
  openid: string;
  unionid?: string;
  /** Stays on the server: decrypts WeChat payloads; never sent to a client or written to a log. */
  sessionKey: string;
}

export interface PhoneNumber {
  /** With the country code for numbers outside mainland China. */
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
}

export interface MiniProgramCodeRequest {
  /** At most 32 characters of `0-9A-Za-z!#$&'()*+,/:;=?@-._~`; carries the share code. */
  scene: string;
  /** A page without a leading slash or a query (`pages/card/view/index`). */
  page: string;
  /** 280–1280 px; WeChat's default is 430. */
  width?: number;
  /** Off by default so codes can be drawn for pages not yet released. */
  checkPath?: boolean;
  envVersion?: 'release' | 'trial' | 'develop';
}

export interface SubscribeMessage {
  toOpenId: string;
  templateId: string;
  /** The page the notification opens, query allowed. */
  page?: string;
  data: Record<string, { value: string }>;
  miniprogramState?: 'developer' | 'trial' | 'formal';
}

const REQUEST_TIMEOUT_MS = 5000;
/**
 * WeChat hands out a new stable token in the old one's last 5 minutes (both stay valid meanwhile), so asking
 * then gets the new token before the old one dies.
 */
const TOKEN_REFRESH_MARGIN_MS = 5 * 60 * 1000;
/**
 * After a token fetch failed, callers fail at once with that failure for this long instead of each asking WeChat
 * again: while WeChat is unreachable or refuses the credentials, a burst of lead alerts would otherwise be a
 * burst of token requests (and of 5-second timeouts).
 */
export const TOKEN_RETRY_AFTER_MS = 10_000;
const SCENE_PATTERN = new RegExp(`^[0-9A-Za-z!#$&'()*+,/:;=?@\\-._~]{1,${MAX_SCENE_LENGTH}}$`);

interface WechatReply {
  status: number;
  contentType: string;
  body: Buffer;
}

/** The one way the server talks to WeChat's HTTP API (api.weixin.qq.com). */
export class WechatClient {
  private readonly baseUrl: string;
  private refreshing: Promise<string> | null = null;
  private tokenFailure: { error: WechatApiError; at: number } | null = null;

  constructor(
    private readonly config: WechatConfig,
    private readonly tokens: AccessTokenStore = new InProcessAccessTokenStore(),
  ) {
    this.baseUrl = config.apiBaseUrl.replace(/\/+$/, '');
  }

  /** Redeems a one-time `wx.login` code; a wrong or used code fails with `isInvalidCode`. */
  async code2Session(jsCode: string): Promise<WechatSession> {
    const query = new URLSearchParams({
      appid: this.config.appId,
      secret: this.config.appSecret,
      js_code: jsCode,
      grant_type: 'authorization_code',
    });
    const body = await this.callJson<{ openid: string; unionid?: string; session_key: string }>(
      'code2Session',
      `/sns/jscode2session?${query}`,
      { method: 'GET' },
    );
    return { openid: body.openid, unionid: body.unionid, sessionKey: body.session_key };
  }

  /**
   * The stable access token, cached until shortly before it expires. Concurrent callers share one refresh,
   * so a burst of requests after expiry costs one call to WeChat; a failed refresh is not retried for
   * TOKEN_RETRY_AFTER_MS.
   */
  async getAccessToken(): Promise<string> {
    const cached = await this.tokens.get();
    if (cached && usableToken(cached)) return cached.token;
    const failure = this.tokenFailure;
    if (failure && Date.now() - failure.at < TOKEN_RETRY_AFTER_MS) {
      const { api, errcode, errmsg } = failure.error;
      throw new WechatApiError(
        api,
        errcode,
        `${errmsg}; not asked again within ${TOKEN_RETRY_AFTER_MS / 1000} s`,
      );
    }
    this.refreshing ??= this.tokens
      .refresh(() => this.fetchStableToken(), usableToken)
      .then(
        (fresh) => {
          this.tokenFailure = null;
          return fresh.token;
        },
        (error: unknown) => {
          if (error instanceof WechatApiError) this.tokenFailure = { error, at: Date.now() };
          throw error;
        },
      )
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  /**
   * Drops the cached token. Given the token WeChat refused, drops it only if it is still the cached one:
   * another caller may already have replaced it.
   */
  async invalidateAccessToken(refusedToken?: string): Promise<void> {
    if (refusedToken !== undefined && (await this.tokens.get())?.token !== refusedToken) return;
    await this.tokens.clear();
  }

  /** WeChat's unlimited mini-program code for `scene` on `page`: the image's bytes. */
  async getUnlimitedMiniProgramCode(request: MiniProgramCodeRequest): Promise<Buffer> {
    if (!SCENE_PATTERN.test(request.scene)) {
      throw new RangeError(
        `scene must be 1–${MAX_SCENE_LENGTH} characters of 0-9A-Za-z!#$&'()*+,/:;=?@-._~, got "${request.scene}"`,
      );
    }
    return this.withAccessToken((token) =>
      this.callImage(
        'getUnlimitedQRCode',
        `/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(token)}`,
        jsonPost({
          scene: request.scene,
          page: request.page,
          width: request.width ?? 430,
          check_path: request.checkPath ?? false,
          env_version: request.envVersion ?? 'release',
        }),
      ),
    );
  }

  /** Redeems the one-time code of a `getPhoneNumber` button. */
  async getPhoneNumber(code: string): Promise<PhoneNumber> {
    const body = await this.withAccessToken((token) =>
      this.callJson<{
        phone_info: { phoneNumber: string; purePhoneNumber: string; countryCode: string | number };
      }>(
        'getPhoneNumber',
        `/wxa/business/getuserphonenumber?access_token=${encodeURIComponent(token)}`,
        jsonPost({ code }),
      ),
    );
    const { phoneNumber, purePhoneNumber, countryCode } = body.phone_info;
    return { phoneNumber, purePhoneNumber, countryCode: String(countryCode) };
  }

  /** Sends a subscribe message the user agreed to receive (`wx.requestSubscribeMessage`). */
  async sendSubscribeMessage(message: SubscribeMessage): Promise<void> {
    await this.withAccessToken((token) =>
      this.callJson(
        'subscribeMessage.send',
        `/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`,
        jsonPost({
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

  private async fetchStableToken(): Promise<CachedAccessToken> {
    // Never force_refresh: that would void the token every other server holds.
    const body = await this.callJson<{ access_token: string; expires_in: number }>(
      'getStableAccessToken',
      '/cgi-bin/stable_token',
      jsonPost({
        grant_type: 'client_credential',
        appid: this.config.appId,
        secret: this.config.appSecret,
        force_refresh: false,
      }),
    );
    return { token: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
  }

  /** Runs a call with the current token; when WeChat calls that token stale, drops it and retries once. */
  private async withAccessToken<T>(call: (token: string) => Promise<T>): Promise<T> {
    const token = await this.getAccessToken();
    try {
      return await call(token);
    } catch (error) {
      if (!(error instanceof WechatApiError) || !error.isStaleAccessToken) throw error;
      await this.invalidateAccessToken(token);
      return call(await this.getAccessToken());
    }
  }

  private async callJson<T>(api: string, path: string, init: RequestInit): Promise<T> {
    return parseReply(api, await this.call(api, path, init)) as T;
  }

  /** Success is the image itself; a failure is JSON with an errcode. */
  private async callImage(api: string, path: string, init: RequestInit): Promise<Buffer> {
    const reply = await this.call(api, path, init);
    if (reply.status === 200 && reply.contentType.startsWith('image/')) return reply.body;
    parseReply(api, reply);
    throw new WechatApiError(
      api,
      -1,
      `answered ${reply.contentType || 'without a content type'}, not an image`,
    );
  }

  /** One HTTP exchange, body included, within the timeout; a network failure becomes a WechatApiError. */
  private async call(api: string, path: string, init: RequestInit): Promise<WechatReply> {
    try {
      const response = await fetch(this.baseUrl + path, {
        ...init,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      return {
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        body: Buffer.from(await response.arrayBuffer()),
      };
    } catch (error) {
      throw new WechatApiError(api, -1, `unreachable: ${describeFetchFailure(error)}`);
    }
  }
}

function jsonPost(body: unknown): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** WeChat's JSON answer, or its errcode as a WechatApiError (WeChat reports errors with HTTP 200). */
function parseReply(api: string, reply: WechatReply): Record<string, unknown> {
  let body: { errcode?: unknown; errmsg?: unknown } & Record<string, unknown>;
  try {
    body = JSON.parse(reply.body.toString('utf8')) as typeof body;
  } catch {
    throw new WechatApiError(api, -1, `HTTP ${reply.status} with a body that is not JSON`);
  }
  if (typeof body.errcode === 'number' && body.errcode !== 0) {
    throw new WechatApiError(api, body.errcode, String(body.errmsg ?? ''));
  }
  if (reply.status !== 200) throw new WechatApiError(api, -1, `HTTP ${reply.status}`);
  return body;
}

/** fetch's errors never carry the URL (so never the secret in its query); say why it failed. */
function describeFetchFailure(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError')
    return `no answer within ${REQUEST_TIMEOUT_MS} ms`;
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

/** A token is used until its last minutes; then a new one is fetched (see TOKEN_REFRESH_MARGIN_MS). */
function usableToken(token: CachedAccessToken): boolean {
  return token.expiresAt - TOKEN_REFRESH_MARGIN_MS > Date.now();
}
