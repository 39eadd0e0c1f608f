import Taro from '@tarojs/taro';

type Resolve = (option: Taro.onNeedPrivacyAuthorization.ResolveOption) => void;
type Listener = (asking: boolean) => void;

/** The id of our 同意 button: WeChat checks that this very button was tapped before it lets the API go on. */
export const AGREE_BUTTON_ID = 'privacy-agree';

let pending: Resolve | null = null;
const listeners = new Set<Listener>();

/**
 * WeChat's privacy-authorization flow (`__usePrivacyCheck__`): the first privacy API (getPhoneNumber,
 * chooseAvatar, …) waits until the person answers our own popup. Registered once, in the WeChat build only.
 */
export function listenForPrivacyAuthorization(): void {
  // Base libraries before 2.32.3 have no privacy check to answer.
  if (typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    pending = resolve;
    resolve({ event: 'exposureAuthorization' });
    listeners.forEach((listener) => listener(true));
  });
}

/** The popup of the page on screen shows while WeChat is waiting for an answer. */
export function onPrivacyAuthorizationAsked(listener: Listener): () => void {
  listeners.add(listener);
  if (pending) listener(true);
  return () => listeners.delete(listener);
}

export function answerPrivacyAuthorization(agreed: boolean): void {
  pending?.(agreed ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' });
  pending = null;
  listeners.forEach((listener) => listener(false));
}
