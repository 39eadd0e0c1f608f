import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { ARTIFACTS_DIR } from './paths';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Ordinary browsers: the server records "HeadlessChrome" visits as bots and never counts them.
const DESKTOP_USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const WECHAT_IPHONE_USER_AGENT =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) ' +
  'Mobile/15E148 MicroMessenger/8.0.50(0x1800322f) NetType/WIFI Language/zh_CN';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

/** An employee at a desk (the H5 console). */
export function newDesktopContext(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseUrl,
    userAgent: DESKTOP_USER_AGENT,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    permissions: ['clipboard-read', 'clipboard-write'],
  });
}

/** A prospect on an iPhone, opening a link inside WeChat's browser. */
export function newWechatPhoneContext(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseUrl,
    userAgent: WECHAT_IPHONE_USER_AGENT,
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    permissions: ['clipboard-read', 'clipboard-write'],
  });
}

/** Screenshots of one run replace the last run's in artifacts/screenshots/<run>/, numbered in the order taken. */
export function screenshotTaker(run: string): (page: Page, name: string) => Promise<void> {
  const dir = join(ARTIFACTS_DIR, 'screenshots', run);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let taken = 0;
  return async (page, name) => {
    taken += 1;
    await page.screenshot({
      path: join(dir, `${String(taken).padStart(2, '0')}-${name}.png`),
      fullPage: true,
      // Taro slides each page in; a shot taken mid-slide showed the page off centre.
      animations: 'disabled',
    });
  };
}
