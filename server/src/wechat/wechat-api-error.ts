/**
 * WeChat refused a call (its errcode), or could not be reached (errcode -1, WeChat's own "system busy").
 * The message names the API, never the app secret or a session_key.
 */
export class WechatApiError extends Error {
  override readonly name = 'WechatApiError';

  constructor(
    readonly api: string,
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeChat ${api} failed: errcode ${errcode} (${errmsg})`);
  }

  /** The login or phone code was wrong, already used or expired: the user's problem (401), not ours. */
  get isInvalidCode(): boolean {
    // 40029: invalid or expired code; 40163: code already used.
    return this.errcode === 40029 || this.errcode === 40163;
  }

  /** The access token expired (42001) or was replaced by a forced refresh elsewhere (40001, 40014). */
  get isStaleAccessToken(): boolean {
    return this.errcode === 40001 || this.errcode === 42001 || this.errcode === 40014;
  }
}
