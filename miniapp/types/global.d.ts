/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.scss';

/** Set at build time by config/index.ts: '' on H5 (same origin), the server's address in WeChat. */
declare const API_BASE_URL: string;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | undefined;
  }
}
