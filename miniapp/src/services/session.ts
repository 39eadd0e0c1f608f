import Taro from '@tarojs/taro';
import type { LoginResponse } from '@cardhub/shared';

const SESSION_KEY = 'cardhub.session';

/** The signed-in user on this device, or null when there is none or it expired. */
export function getSession(): LoginResponse | null {
  const session = Taro.getStorageSync<LoginResponse | ''>(SESSION_KEY);
  if (!session) return null;
  if (Date.parse(session.expiresAt) <= Date.now()) {
    clearSession();
    return null;
  }
  return session;
}

export function saveSession(session: LoginResponse): LoginResponse {
  Taro.setStorageSync(SESSION_KEY, session);
  return session;
}

export function clearSession(): void {
  Taro.removeStorageSync(SESSION_KEY);
}

/** Staff (employee, manager, admin) sessions; a WeChat prospect's session is not one. */
export function getStaffSession(): LoginResponse | null {
  const session = getSession();
  return session?.principal.kind === 'employee' ? session : null;
}
