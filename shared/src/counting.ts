import type { ViewVerdict } from './events';

/** A view counts once per visitor and target within this window; later views in it only add dwell. */
export const VIEW_DEDUPE_WINDOW_MS = 30 * 60 * 1000;

/**
 * Lowercase user-agent fragments of crawlers, link-preview fetchers, scripts and headless browsers: their
 * views are stored but never counted. Generic words ("bot", "spider", "preview"…) catch Googlebot, bingbot,
 * Applebot, Slackbot, Twitterbot, TelegramBot, Discordbot, LinkedInBot, Baiduspider, PetalBot and the like.
 *
 * People in WeChat are not bots: the in-app browser and mini-program web views say "MicroMessenger". WeChat
 * publishes no crawler user agent; the one distinct fetcher known is the iOS share extension
 * ("WeChatShareExtensionNew"). Its other link-card fetches look like the in-app browser, which is why a view
 * is recorded only when the page's script posts it: a fetcher that runs no script records nothing.
 *
 * Headless Chromium is a bot here, so end-to-end tests give their browser an ordinary user agent.
 */
export const BOT_USER_AGENT_TOKENS = [
  'bot',
  'crawler',
  'spider',
  'slurp',
  'preview',
  'fetcher',
  'externalhit',
  'externalagent',
  'headlesschrome',
  'phantomjs',
  'puppeteer',
  'playwright',
  'lighthouse',
  'whatsapp/',
  'embedly',
  'iframely',
  'curl/',
  'wget/',
  'python-requests',
  'python-urllib',
  'aiohttp',
  'go-http-client',
  'okhttp',
  'java/',
  'httpclient',
  'axios/',
  'node-fetch',
  'undici',
  'postmanruntime',
  'wechatshareextension',
] as const;

/** Real devices whose names contain a bot token (Cubot phones); removed before matching. */
export const NOT_BOT_USER_AGENT_TOKENS = ['cubot'] as const;

export function isBotUserAgent(userAgent: string | null | undefined): boolean {
  let normalized = (userAgent ?? '').trim().toLowerCase();
  if (normalized === '') return true;
  for (const token of NOT_BOT_USER_AGENT_TOKENS) normalized = normalized.split(token).join('');
  return BOT_USER_AGENT_TOKENS.some((token) => normalized.includes(token));
}

/** True while `now` is still inside the dedupe window opened at `previous` (a clock running backwards stays inside). */
export function isWithinDedupeWindow(previous: Date, now: Date): boolean {
  return now.getTime() - previous.getTime() < VIEW_DEDUPE_WINDOW_MS;
}

export interface ViewClassificationInput {
  userAgent: string | null | undefined;
  /** Set when the viewer is a logged-in member of staff. */
  viewer: { employeeId?: string | null; organizationId?: string | null };
  /** The employee credited for the view (the root of the share chain, or the card's owner); null for an unshared material. */
  owner: { employeeId: string | null; organizationId: string };
  /** The last counted view by the same visitor of the same target, if any. */
  lastCountedViewAt: Date | null;
  now: Date;
}

/** domain.md's counting rules, in the order they apply: bot, self, colleague, repeat, counted. */
export function classifyView(input: ViewClassificationInput): ViewVerdict {
  if (isBotUserAgent(input.userAgent)) return 'bot';
  const { viewer, owner } = input;
  if (viewer.employeeId && viewer.employeeId === owner.employeeId) return 'self';
  if (viewer.employeeId && viewer.organizationId === owner.organizationId) return 'colleague';
  if (input.lastCountedViewAt && isWithinDedupeWindow(input.lastCountedViewAt, input.now)) return 'repeat';
  return 'counted';
}
