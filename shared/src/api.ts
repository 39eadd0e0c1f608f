/**
 * The HTTP contract between the server and the mini-program / H5 app.
 * Request bodies are zod schemas (validated once, at the server's edge); responses are plain types.
 */
import { z } from 'zod';
import type { Role, StaffRole } from './roles';
import { STAFF_ROLES } from './roles';
import {
  CARD_ACTIONS,
  MATERIAL_STATUSES,
  MATERIAL_TYPES,
  SCROLL_DEPTHS,
  SHARE_CHANNELS,
  TARGET_TYPES,
  TOUCHPOINTS,
  VIDEO_PROGRESS,
} from './events';
import type {
  CardAction,
  MaterialStatus,
  MaterialType,
  ScrollDepth,
  ShareChannel,
  TargetType,
  Touchpoint,
  VideoProgress,
  ViewVerdict,
} from './events';
import { eventIdSchema, shareCodeSchema, visitorKeySchema } from './id-schemas';

// ---------- auth ----------

export const wechatLoginSchema = z.object({
  code: z.string().min(1, 'is required').max(128),
});
export type WechatLoginInput = z.infer<typeof wechatLoginSchema>;

export const passwordLoginSchema = z.object({
  account: z.string().trim().min(1, 'is required').max(120),
  password: z.string().min(1, 'is required').max(200),
});
export type PasswordLoginInput = z.infer<typeof passwordLoginSchema>;

export const demoLoginSchema = z.object({ employeeId: z.uuid() });

export type Principal =
  | {
      kind: 'employee';
      employeeId: string;
      organizationId: string;
      organizationName: string;
      role: StaffRole;
      name: string;
    }
  | { kind: 'prospect'; wechatUserId: string };

export interface LoginResponse {
  token: string;
  expiresAt: string;
  principal: Principal;
  role: Role;
}

export interface DemoAccount {
  employeeId: string;
  name: string;
  title: string;
  role: StaffRole;
  departmentName: string | null;
}

// ---------- invitations ----------

export const createInvitationSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(60),
  title: z.string().trim().max(60).optional(),
  role: z.enum(STAFF_ROLES).default('employee'),
  departmentId: z.uuid().optional(),
  validDays: z.number().int().min(1).max(30).default(7),
});
export type CreateInvitationInput = z.input<typeof createInvitationSchema>;

export interface InvitationDto {
  code: string;
  employeeId: string;
  employeeName: string;
  organizationName: string;
  role: StaffRole;
  expiresAt: string;
  acceptedAt: string | null;
  /** Mini-program path that opens the join page. */
  path: string;
  /** Browser link (for a QR code or a message). */
  url: string;
}

export const acceptInvitationSchema = wechatLoginSchema;

// ---------- cards ----------

const optionalText = (max: number) => z.string().trim().max(max).default('');

export const updateCardSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(40),
  title: optionalText(60),
  company: optionalText(80),
  phone: z
    .string()
    .trim()
    .regex(/^$|^\+?[0-9][0-9 -]{4,19}$/, 'must be a phone number of digits, spaces or "-"')
    .default(''),
  wechatId: z
    .string()
    .trim()
    .regex(
      /^$|^[A-Za-z][-_A-Za-z0-9]{5,19}$/,
      'must be a WeChat ID: 6–20 letters, digits, "-" or "_", starting with a letter',
    )
    .default(''),
  email: z.union([z.literal(''), z.email('must be an email address').max(120)]).default(''),
  address: optionalText(120),
  bio: optionalText(500),
  siteUrl: z
    .union([z.literal(''), z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(300)])
    .default(''),
});
export type UpdateCardInput = z.input<typeof updateCardSchema>;

export interface CardDto {
  id: string;
  employeeId: string;
  name: string;
  title: string;
  company: string;
  avatarUrl: string | null;
  phone: string;
  wechatId: string;
  email: string;
  address: string;
  bio: string;
  siteUrl: string;
  organizationName: string;
  updatedAt: string;
}

/** What a prospect sees: the same card, opened through a share. */
export interface PublicCardResponse {
  card: CardDto;
  share: { code: string; channel: ShareChannel; depth: number } | null;
}

// ---------- shares ----------

export const createShareSchema = z.object({
  targetType: z.enum(TARGET_TYPES),
  targetId: z.uuid(),
  channel: z.enum(SHARE_CHANNELS),
  /** Set when the sharer arrived through someone else's share (a forward). */
  parentCode: shareCodeSchema.optional(),
  /** Prospects forward only what they have viewed: the token of that visit. */
  visitToken: z.string().max(1024).optional(),
});
export type CreateShareInput = z.infer<typeof createShareSchema>;

export interface ShareDto {
  code: string;
  targetType: TargetType;
  targetId: string;
  channel: ShareChannel;
  parentCode: string | null;
  depth: number;
  /** Mini-program page path with the share code in its query. */
  path: string;
  /** The `scene` for an unlimited mini-program code (at most 32 characters). */
  scene: string;
  /** Browser link for H5. */
  url: string;
  createdAt: string;
}

// ---------- tracking ----------

export const trackViewSchema = z.object({
  eventId: eventIdSchema,
  targetType: z.enum(TARGET_TYPES),
  targetId: z.uuid(),
  shareCode: shareCodeSchema.optional(),
  /** Anonymous browsers identify themselves with a key they keep; mini-program prospects by their login token. */
  visitorKey: visitorKeySchema.optional(),
  touchpoint: z.enum(TOUCHPOINTS),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
});
export type TrackViewInput = z.infer<typeof trackViewSchema>;

export interface TrackViewResponse {
  /** Signed proof of this visit; every action reported for it must carry it. */
  visitToken: string;
  verdict: ViewVerdict;
  visitorLabel: string;
}

export const visitActionSchema = z.discriminatedUnion('type', [
  z.object({
    eventId: eventIdSchema,
    type: z.literal('click'),
    action: z.enum(CARD_ACTIONS),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
  }),
  z.object({
    eventId: eventIdSchema,
    type: z.literal('dwell'),
    /** Seconds since the previous dwell report of this visit. */
    seconds: z.number().int().min(1).max(3600),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
  }),
  z.object({
    eventId: eventIdSchema,
    type: z.literal('forward'),
    channel: z.enum(SHARE_CHANNELS),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
  }),
  z.object({
    eventId: eventIdSchema,
    type: z.literal('scroll'),
    /** The deepest mark reached so far; each mark is reported once per visit. */
    depth: z.union(
      SCROLL_DEPTHS.map((depth) => z.literal(depth)),
      {
        message: `depth must be one of ${SCROLL_DEPTHS.join(', ')}`,
      },
    ),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
  }),
  z.object({
    eventId: eventIdSchema,
    type: z.literal('video'),
    progress: z.enum(VIDEO_PROGRESS),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
  }),
]);
export type VisitAction = z.infer<typeof visitActionSchema>;

export const trackActionsSchema = z.object({
  visitToken: z.string().min(1, 'is required').max(1024),
  actions: z.array(visitActionSchema).min(1, 'needs at least one action').max(50),
});
export type TrackActionsInput = z.infer<typeof trackActionsSchema>;

export interface TrackActionsResponse {
  stored: number;
  duplicates: number;
}

// ---------- visitor radar ----------

export interface RadarVisitor {
  id: string;
  /** "访客 #3f2a" until the visitor consents to show a name. */
  label: string;
  name: string | null;
  avatarUrl: string | null;
  /** Intent signals that fired for this visitor (highlighted on the radar), e.g. 强意向. */
  signals: string[];
}

export interface RadarVisit {
  visitId: string;
  visitor: RadarVisitor;
  target: { type: TargetType; id: string; title: string };
  touchpoint: Touchpoint;
  shareCode: string | null;
  /** Labels of the people who forwarded between the employee and this visitor, nearest the employee first. */
  forwardedBy: string[];
  verdict: ViewVerdict;
  startedAt: string;
  lastActivityAt: string;
  dwellSeconds: number;
  actions: {
    type: 'click' | 'forward' | 'scroll' | 'video';
    action: CardAction | null;
    channel: ShareChannel | null;
    /** Scroll marks reached (each once per visit). */
    depth: ScrollDepth | null;
    progress: VideoProgress | null;
    at: string;
  }[];
}

export interface RadarResponse {
  visits: RadarVisit[];
  /** Pass back as `before` to page further into the past. */
  nextBefore: string | null;
}

// ---------- errors ----------

/** Every 4xx body: a message a person can act on, and the fields at fault. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  fields?: { path: string; message: string }[];
}

// ---------- materials ----------

const httpUrl = (max: number) => z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(max);

/** Article and product bodies are rich text (HTML), sanitised by the server before they are stored. */
export const MATERIAL_BODY_MAX_LENGTH = 20_000;

/** One line of a product's specifications (规格参数), e.g. 部署方式 · 私有化 / 公有云. */
export const productSpecSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(20),
  value: z.string().trim().min(1, 'is required').max(60),
});
export type ProductSpec = z.infer<typeof productSpecSchema>;

const materialFieldsSchema = z.object({
  type: z.enum(MATERIAL_TYPES),
  title: z.string().trim().min(1, 'is required').max(120),
  summary: optionalText(300),
  category: optionalText(40),
  tags: z.array(z.string().trim().min(1, 'must not be empty').max(20)).max(10, 'at most 10 tags').default([]),
  body: z.string().max(MATERIAL_BODY_MAX_LENGTH).optional(),
  /** The poster image or the video (by URL). */
  mediaUrl: httpUrl(300).optional(),
  coverUrl: httpUrl(300).optional(),
  /** Products only: the price as shown (价格文案, e.g. "¥2,980 起/年"), specifications and a gallery. */
  priceText: optionalText(40),
  specs: z.array(productSpecSchema).max(20, 'at most 20 specifications').default([]),
  images: z.array(httpUrl(300)).max(9, 'at most 9 images').default([]),
});

export const createMaterialSchema = materialFieldsSchema
  .refine(
    (material) => material.body === undefined || material.type === 'article' || material.type === 'product',
    { path: ['body'], message: 'only articles and products have a body' },
  )
  .refine(
    (material) =>
      material.type === 'product' ||
      (material.priceText === '' && material.specs.length === 0 && material.images.length === 0),
    { path: ['type'], message: 'must be "product" to have a price, specifications or a gallery' },
  );
export type CreateMaterialInput = z.input<typeof createMaterialSchema>;

/** Editing replaces every field, as creating does (type included). */
export const updateMaterialSchema = createMaterialSchema;
export type UpdateMaterialInput = z.input<typeof updateMaterialSchema>;

export interface MaterialDto {
  id: string;
  type: MaterialType;
  title: string;
  summary: string;
  category: string;
  tags: string[];
  /** Sanitised HTML (articles and products), null otherwise. */
  body: string | null;
  mediaUrl: string | null;
  coverUrl: string | null;
  /** Products only (empty otherwise). */
  priceText: string;
  specs: ProductSpec[];
  images: string[];
  status: MaterialStatus;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export const listMaterialsQuerySchema = z.object({
  category: z.string().trim().max(40).optional(),
  tag: z.string().trim().max(20).optional(),
  /** Searched in title and summary. */
  q: z.string().trim().max(60).optional(),
  /** Admins only; everyone else sees published materials whatever they ask. */
  status: z.enum(MATERIAL_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type ListMaterialsQuery = z.input<typeof listMaterialsQuerySchema>;

export interface MaterialListResponse {
  items: MaterialDto[];
  total: number;
}

/** A material opened through a share: the footer shows the sharing (credited) employee's card. */
export interface PublicMaterialResponse {
  material: MaterialDto;
  card: CardDto | null;
  share: { code: string; channel: ShareChannel; depth: number };
}

/** Where an uploaded file (an article or product picture) is served. */
export interface UploadedFileResponse {
  url: string;
}
