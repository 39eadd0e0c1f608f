import Taro from '@tarojs/taro';
import type {
  DemoAccount,
  InvitationDto,
  LoginResponse,
  PasswordLoginInput,
  Principal,
} from '@cardhub/shared';
import { ApiError, request } from './request';
import { clearSession, getSession, saveSession } from './session';

/** Silent mini-program login: staff get their employee session, everyone else a prospect session. */
export async function wechatLogin(): Promise<LoginResponse> {
  const { code } = await Taro.login();
  return saveSession(await request<LoginResponse>('POST', '/api/auth/wechat-login', { code }));
}

/**
 * Before a prospect page loads, WeChat users are logged in silently so the server knows who is looking (a
 * colleague's own views must not count). A failed login leaves them anonymous.
 */
export async function identifyWechatViewer(): Promise<void> {
  if (process.env.TARO_ENV === 'weapp' && !getSession()) await wechatLogin().catch(() => undefined);
}

export async function passwordLogin(input: PasswordLoginInput): Promise<LoginResponse> {
  return saveSession(await request<LoginResponse>('POST', '/api/auth/password-login', input));
}

/** The one-click demo logins, or null when the server is not in demo mode. */
export async function fetchDemoAccounts(): Promise<DemoAccount[] | null> {
  try {
    return await request<DemoAccount[]>('GET', '/api/auth/demo-accounts');
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export async function demoLogin(employeeId: string): Promise<LoginResponse> {
  return saveSession(await request<LoginResponse>('POST', '/api/auth/demo-login', { employeeId }));
}

export function fetchMe(): Promise<Principal> {
  return request<Principal>('GET', '/api/auth/me');
}

export function logout(): void {
  clearSession();
}

export function getInvitation(inviteCode: string): Promise<InvitationDto> {
  return request<InvitationDto>('GET', `/api/invitations/${encodeURIComponent(inviteCode)}`);
}

/** Joins the organization with this WeChat identity (`wechatCode` from Taro.login). */
export async function acceptInvitation(inviteCode: string, wechatCode: string): Promise<LoginResponse> {
  return saveSession(
    await request<LoginResponse>('POST', `/api/invitations/${encodeURIComponent(inviteCode)}/accept`, {
      code: wechatCode,
    }),
  );
}
