/**
 * The official site as the hub: what the site tracker (`/t.js`) sends, the short attributed links staff hand
 * out, and the pure rules both sides agree on (page URLs, phone numbers).
 */
import { z } from 'zod';
import { SCROLL_DEPTHS, VIDEO_PROGRESS } from './events';
import { eventIdSchema, shareCodeSchema, visitorKeySchema } from './id-schemas';
import { normalizePhone } from './phone';

/** How long the site keeps a share code it landed with (first-party cookie and localStorage). */
export const SITE_SHARE_CODE_TTL_DAYS = 30;

/** Events one beacon may carry; the tracker flushes long before that. */
export const SITE_BEACON_MAX_EVENTS = 20;

/** The prefix of short attributed links: `/s/<share code>`. */
export const SHORT_LINK_PREFIX = '/s/';

/** A short link printed as a QR code says so, and its opening is logged as a `scan` rather than a `click`. */
export const SHORT_LINK_QR_PARAM = 'via';
export const SHORT_LINK_QR_VALUE = 'qr';

/** The public organization key (Organization.slug) the tracker tag names in `data-org`. */
export const organizationKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be an organization key (lower-case letters, digits, "-")');

/** A page's identity on the site: origin and path, without query, hash or trailing slash. */
export function normalizeSitePageUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const path = parsed.pathname.replace(/\/+$/, '');
  return `${parsed.origin}${path || '/'}`;
}

/** The origin of an http(s) URL as browsers send it in the `Origin` header, or null. */
export function originOf(url: string): string | null {
  const normalized = normalizeSitePageUrl(url);
  return normalized ? new URL(normalized).origin : null;
}

/** A phone number as a person types it, normalised (mainland mobiles without +86). */
export const phoneSchema = z
  .string()
  .trim()
  .max(24)
  .transform((value, context) => {
    const phone = normalizePhone(value);
    if (!phone) {
      context.addIssue({ code: 'custom', message: 'must be a phone number (digits, spaces, "-" or "+")' });
      return z.NEVER;
    }
    return phone;
  });

export const policyVersionSchema = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,20}$/, 'must be 1–20 letters, digits, ".", "-" or "_"');

const clientTimeSchema = z.iso.datetime({ offset: true }).optional();

const pageSchema = z.object({
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(1000),
  title: z.string().trim().max(200).default(''),
});

/** Event properties a site may attach (`cardhub.track(event, props)`): a few short scalar values. */
const propsSchema = z
  .record(
    z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,31}$/, 'property names are letters, digits or "_" (≤ 32)'),
    z.union([z.string().max(200), z.number().finite(), z.boolean(), z.null()]),
  )
  .refine((props) => Object.keys(props).length <= 10, 'at most 10 properties')
  .default({});

const actionBase = {
  eventId: eventIdSchema,
  /** The page view this happened during (its eventId). */
  visitId: eventIdSchema,
  occurredAt: clientTimeSchema,
};

export const siteEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('view'),
    eventId: eventIdSchema,
    page: pageSchema,
    occurredAt: clientTimeSchema,
  }),
  z.object({
    ...actionBase,
    type: z.literal('dwell'),
    /** Seconds the page was visible since the previous dwell report of this view. */
    props: z.object({ seconds: z.number().int().min(1).max(3600) }),
  }),
  z.object({
    ...actionBase,
    type: z.literal('scroll'),
    props: z.object({
      depth: z.union(
        SCROLL_DEPTHS.map((depth) => z.literal(depth)),
        { message: `depth must be one of ${SCROLL_DEPTHS.join(', ')}` },
      ),
    }),
  }),
  z.object({
    ...actionBase,
    type: z.literal('video'),
    props: z.object({ progress: z.enum(VIDEO_PROGRESS) }),
  }),
  /** Clicks carry `action` (call, email, outbound, or the element's `data-cardhub-click`), `href`, `text`. */
  z.object({ ...actionBase, type: z.literal('click'), props: propsSchema }),
  z.object({ ...actionBase, type: z.literal('consult'), props: propsSchema }),
]);
export type SiteEventInput = z.infer<typeof siteEventSchema>;

/** The event types a site may report through `cardhub.track`; views, dwell and forms the tracker reports itself. */
export const SITE_TRACKABLE_EVENTS = ['click', 'consult', 'scroll', 'video'] as const;

/** One beacon: `POST /api/site/:organizationKey/events`, as text/plain or application/json. */
export const siteBeaconSchema = z.object({
  visitorKey: visitorKeySchema,
  /** The share code the visitor landed with (`ch_sc`); an unknown one is ignored, the events go unattributed. */
  shareCode: shareCodeSchema.optional(),
  events: z
    .array(siteEventSchema)
    .min(1, 'needs at least one event')
    .max(SITE_BEACON_MAX_EVENTS, `at most ${SITE_BEACON_MAX_EVENTS} events`),
});
export type SiteBeaconInput = z.infer<typeof siteBeaconSchema>;

export interface SiteBeaconResponse {
  stored: number;
  duplicates: number;
}

export const consentSchema = z.object({
  /** The box the person ticked; personal fields are accepted only when it is true. */
  granted: z.boolean(),
  /** The site's privacy policy version the person agreed to. */
  policyVersion: policyVersionSchema.default('1'),
});

/** `cardhub.identify({ phone, consent })`: the visitor gives their phone number, agreeing to be contacted. */
export const siteIdentifySchema = z.object({
  visitorKey: visitorKeySchema,
  shareCode: shareCodeSchema.optional(),
  phone: phoneSchema,
  consent: consentSchema,
});
export type SiteIdentifyInput = z.infer<typeof siteIdentifySchema>;

/** What a lead form may carry; longer values are refused, not cut. */
export const SITE_LEAD_FIELD_LIMITS = { name: 40, company: 80, message: 500 } as const;

/** A form marked `data-cardhub-lead`: `POST /api/site/:organizationKey/leads`. */
export const siteLeadSchema = z.object({
  eventId: eventIdSchema,
  visitorKey: visitorKeySchema,
  shareCode: shareCodeSchema.optional(),
  /** The page view the form was sent from. */
  visitId: eventIdSchema.optional(),
  page: pageSchema,
  /** The form's `data-cardhub-lead` value, e.g. "consult". */
  form: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be 1–40 letters, digits, "-" or "_"')
    .default('lead'),
  consent: consentSchema,
  /** Sent only with consent; without it the tracker sends none and the server refuses the submission. */
  fields: z
    .object({
      name: z.string().trim().max(SITE_LEAD_FIELD_LIMITS.name).optional(),
      phone: phoneSchema.optional(),
      company: z.string().trim().max(SITE_LEAD_FIELD_LIMITS.company).optional(),
      message: z.string().trim().max(SITE_LEAD_FIELD_LIMITS.message).optional(),
    })
    .strict()
    .default({}),
  occurredAt: clientTimeSchema,
});
export type SiteLeadInput = z.infer<typeof siteLeadSchema>;

export interface SiteLeadResponse {
  received: true;
}

/** Staff make an attributed short link to a page of their organization's site. */
export const createSiteLinkSchema = z.object({
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(1000),
  /** Printed as a QR code (a poster, a brochure) or sent as a link. */
  channel: z.enum(['link', 'qrcode', 'poster']).default('link'),
});
export type CreateSiteLinkInput = z.input<typeof createSiteLinkSchema>;

export interface SiteLinkDto {
  code: string;
  /** The short link to hand out: `<PUBLIC_URL>/s/<code>`. */
  shortUrl: string;
  /** The same for a printed QR code (its openings are logged as scans). */
  qrUrl: string;
  /** Where it leads: the page with the share code appended. */
  targetUrl: string;
  pageUrl: string;
  createdAt: string;
}

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

/** The short attributed link of a share. */
export function shortLinkUrl(publicUrl: string, code: string, printed = false): string {
  const url = `${withoutTrailingSlash(publicUrl)}${SHORT_LINK_PREFIX}${code}`;
  return printed ? `${url}?${SHORT_LINK_QR_PARAM}=${SHORT_LINK_QR_VALUE}` : url;
}
