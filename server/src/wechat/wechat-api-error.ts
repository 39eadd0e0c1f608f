/** WeChat answered with an errcode. The message names the API, never a secret or a session_key. */
export class WechatApiError extends Error {
  override readonly name = 'WechatApiError';

  constructor(
    readonly api: string,
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeChat ${api} failed: errcode ${errcode} (${errmsg})`);
  }

  /** The login or phone code was wrong, already used or expired: the user's problem, not ours. */
  get isInvalidCode(): boolean {
    // 40029: invalid code; 40163: code already used.
    return this.errcode === 40029 || this.errcode === 40163;
  }

  /** The access token expired or was replaced by another refresh. */
  get isStaleAccessToken(): boolean {
    return this.errcode === 40001 || this.errcode === 42001 || this.errcode === 40014;
  }
}
