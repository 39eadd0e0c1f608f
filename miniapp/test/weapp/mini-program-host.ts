import path from 'node:path';

/**
 * Just enough of WeChat's mini-program host to run Taro's compiled output under miniprogram-simulate:
 * simulate loads components, so `Page()` becomes `Component()`, and `App`/`getApp`/`getCurrentPages` exist.
 * `wx.*` calls go to the functions a test provides (our server's answers, the phone dialler…).
 */
export const WEAPP_DIST = path.resolve(__dirname, '../../dist/weapp');

type WxCallback = {
  success?: (result: unknown) => void;
  fail?: (error: unknown) => void;
  complete?: () => void;
};
type WxApi = Record<string, (...args: never[]) => unknown>;

/** Wraps a handler into WeChat's callback style (success/fail/complete). */
export function wxAsync(handler: (options: Record<string, unknown>) => unknown) {
  return (options: WxCallback & Record<string, unknown> = {}) => {
    Promise.resolve()
      .then(() => handler(options))
      .then(
        (result) => options.success?.(result ?? { errMsg: 'ok' }),
        (error: unknown) => options.fail?.({ errMsg: String(error) }),
      )
      .finally(() => options.complete?.());
  };
}

export function installMiniProgramHost(wx: WxApi): void {
  const storage = new Map<string, unknown>();
  const pages: unknown[] = [];
  let app: Record<string, unknown> | undefined;
  const globals = globalThis as Record<string, unknown>;
  globals.wx = {
    getSystemInfoSync: () => ({
      platform: 'devtools',
      windowWidth: 375,
      windowHeight: 812,
      pixelRatio: 2,
      SDKVersion: '3.6.0',
    }),
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    setNavigationBarTitle: wxAsync(() => undefined),
    showToast: wxAsync(() => undefined),
    canIUse: () => true,
    // Base library ≥ 2.32.3: privacy APIs wait for the privacy-authorization flow.
    onNeedPrivacyAuthorization: () => undefined,
    ...wx,
  };
  globals.App = (config: Record<string, unknown>) => {
    app = config;
    (config.onLaunch as ((options: unknown) => void) | undefined)?.call(config, { path: '', query: {} });
  };
  globals.getApp = () => app;
  globals.getCurrentPages = () => pages;
  globals.Page = (config: Record<string, unknown>) => {
    const methods: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(config)) if (typeof value === 'function') methods[key] = value;
    (globals.Component as (definition: unknown) => void)({
      data: config.data ?? {},
      methods,
      lifetimes: {
        attached(this: Record<string, (...args: unknown[]) => void> & { __query?: Record<string, string> }) {
          pages.push(this);
          this.onLoad?.call(this, this.__query ?? {});
          this.onShow?.call(this);
        },
        ready(this: Record<string, () => void>) {
          this.onReady?.call(this);
        },
      },
    });
  };
}
