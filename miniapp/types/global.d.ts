/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.scss';

/** Set at build time by config/index.ts: '' on H5 (same origin), the server's address in WeChat. */
declare const API_BASE_URL: string;

interface Window {
  /** A GET that src/index.html started before the app ran (a shared card link), for request.ts to take over. */
  cardhubPrefetch?: { path: string; response: Promise<{ status: number; text: string } | null> };
}

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | undefined;
  }
}
