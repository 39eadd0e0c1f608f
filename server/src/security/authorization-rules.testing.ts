import {
  DEFAULT_HANDOFF_SETTINGS,
  DEFAULT_RETENTION_SETTINGS,
  DEFAULT_SCORING_CONFIG,
} from '@cardhub/shared';
import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from '../demo/demo-data';
import { PNG_BYTES } from '../test-support';
import type { RouteKey } from './route-table.testing';

/**
 * Who calls: nobody signed in (a prospect opening a link), a prospect signed in with WeChat, the three staff
 * roles of 星辰科技, and the admin of another organization (云帆贸易).
 */
export const PRINCIPALS = ['anonymous', 'prospect', 'employee', 'manager', 'admin', 'otherAdmin'] as const;
export type PrincipalName = (typeof PRINCIPALS)[number];

/** Ids and codes of 星辰科技's data the requests name; created by the matrix spec before it runs. */
export interface MatrixFixtures {
  employeeId: string;
  cardId: string;
  materialId: string;
  draftMaterialId: string;
  departmentId: string;
  pendingEmployeeId: string;
  invitationCode: string;
  acceptableInvitationCode: string;
  importId: string;
  taskId: string;
  leadId: string;
  cardShareCode: string;
  materialShareCode: string;
  siteLinkCode: string;
  visitToken: string;
  /** A visit token of a visitor no other request uses (for requests that erase the visitor). */
  spareVisitToken(): string;
  siteOrigin: string;
  /** The path of a stored upload (under /uploads/). */
  uploadPath: string;
  organizationKey: string;
  /** A one-time WeChat login code from the fake WeChat server. */
  wechatCode(): string;
  /** A name no earlier request used (departments, employees and tasks need new names). */
  unique(prefix: string): string;
}

/** How to call a route: its concrete path, body, file and headers, from the fixtures. */
export interface RouteRule {
  /** Who gets past authorization. Everyone else must get 401, 403, or 404 for another organization's ids. */
  allow: readonly PrincipalName[];
  path?: (f: MatrixFixtures) => string;
  body?: (f: MatrixFixtures) => unknown;
  /** A multipart upload in the field `file`. */
  file?: { name: string; bytes: Buffer; contentType: string };
  headers?: (f: MatrixFixtures) => Record<string, string>;
  /** A static file route: a 404 only says the file is not there (nothing is guarded). */
  files?: true;
  /** A refusal answered with another status for one principal, e.g. 400 for a page not on their own site. */
  refusedWith?: Partial<Record<PrincipalName, number>>;
}

const EVERYONE = PRINCIPALS;
const SIGNED_IN = ['prospect', 'employee', 'manager', 'admin', 'otherAdmin'] as const;
const STAFF = ['employee', 'manager', 'admin', 'otherAdmin'] as const;
const MANAGERS = ['manager', 'admin', 'otherAdmin'] as const;
const ADMINS = ['admin', 'otherAdmin'] as const;
/** The route names one of 星辰科技's rows: the other organization's admin must not reach it (404). */
const ours = (principals: readonly PrincipalName[]) =>
  principals.filter((principal) => principal !== 'otherAdmin');

const png = { name: 'picture.png', bytes: PNG_BYTES, contentType: 'image/png' };
const csv = {
  name: 'roster.csv',
  bytes: Buffer.from('\uFEFF姓名,手机号\n矩阵导入,13700000001\n'),
  contentType: 'text/csv',
};
const siteCall = (f: MatrixFixtures) => ({ Origin: f.siteOrigin, 'Content-Type': 'text/plain' });
const sitePage = (f: MatrixFixtures, path: string) => ({ url: `${f.siteOrigin}${path}`, title: '产品' });
const material = (f: MatrixFixtures) => ({
  type: 'article',
  title: f.unique('矩阵物料'),
  body: '<p>内容</p>',
});

/**
 * The authorization matrix: every route the application serves, grouped by feature, and who may call it.
 * A new route fails the matrix until it is added here; a rule for a route that is gone fails it too.
 */
export const AUTHORIZATION_RULES: Record<RouteKey, RouteRule> = {
  // ---- health, API docs, static files, the site tracker ----
  'GET /health': { allow: EVERYONE },
  'GET /docs': { allow: EVERYONE },
  'GET /docs/': { allow: EVERYONE },
  'GET /docs/index.html': { allow: EVERYONE },
  'GET /docs/swagger-ui-init.js': { allow: EVERYONE },
  'GET /docs/docs/swagger-ui-init.js': { allow: EVERYONE },
  'GET /docs/LICENSE': { allow: EVERYONE, files: true },
  'GET /docs/json': { allow: EVERYONE },
  'GET /docs/*': { allow: EVERYONE, path: () => '/docs/swagger-ui.css' },
  'GET /docs-yaml': { allow: EVERYONE },
  'GET /*': { allow: EVERYONE, path: (f) => f.uploadPath },
  'GET /t.js': { allow: EVERYONE },

  // ---- sign-in ----
  'POST /api/auth/wechat-login': { allow: EVERYONE, body: (f) => ({ code: f.wechatCode() }) },
  'POST /api/auth/password-login': {
    allow: EVERYONE,
    body: () => ({ account: 'manager@demo.cardhub', password: DEMO_PASSWORD }),
  },
  'GET /api/auth/demo-accounts': { allow: EVERYONE },
  'POST /api/auth/demo-login': { allow: EVERYONE, body: (f) => ({ employeeId: f.employeeId }) },
  'GET /api/auth/me': { allow: SIGNED_IN },

  // ---- roster: departments, employees, invitations, imports ----
  'GET /api/departments': { allow: MANAGERS },
  'POST /api/departments': { allow: ADMINS, body: (f) => ({ name: f.unique('矩阵部门') }) },
  'PUT /api/departments/:id': {
    allow: ours(ADMINS),
    path: (f) => `/api/departments/${f.departmentId}`,
    body: (f) => ({ name: f.unique('改名部门'), parentId: null }),
  },
  'DELETE /api/departments/:id': {
    allow: ours(ADMINS),
    path: (f) => `/api/departments/${f.departmentId}`,
  },
  'GET /api/employees': { allow: MANAGERS },
  'POST /api/employees': { allow: ADMINS, body: (f) => ({ name: f.unique('矩阵员工') }) },
  'PUT /api/employees/:id': {
    allow: ours(ADMINS),
    path: (f) => `/api/employees/${f.pendingEmployeeId}`,
    body: (f) => ({ name: f.unique('改名员工') }),
  },
  'POST /api/employees/:id/disable': {
    allow: ours(ADMINS),
    path: (f) => `/api/employees/${f.pendingEmployeeId}/disable`,
  },
  'POST /api/employees/:id/enable': {
    allow: ours(ADMINS),
    path: (f) => `/api/employees/${f.pendingEmployeeId}/enable`,
  },
  'GET /api/employees/:id/invitation': {
    allow: ours(ADMINS),
    path: (f) => `/api/employees/${f.pendingEmployeeId}/invitation`,
  },
  'POST /api/employees/:id/invitation': {
    allow: ours(ADMINS),
    path: (f) => `/api/employees/${f.pendingEmployeeId}/invitation`,
    body: () => ({}),
  },
  'POST /api/invitations': { allow: ADMINS, body: (f) => ({ name: f.unique('受邀员工') }) },
  'GET /api/invitations/:code': { allow: EVERYONE, path: (f) => `/api/invitations/${f.invitationCode}` },
  'GET /api/invitations/:code/qrcode.svg': {
    allow: EVERYONE,
    path: (f) => `/api/invitations/${f.invitationCode}/qrcode.svg`,
  },
  'GET /api/invitations/:code/wxacode.png': {
    allow: EVERYONE,
    path: (f) => `/api/invitations/${f.invitationCode}/wxacode.png`,
  },
  'POST /api/invitations/:code/accept': {
    allow: EVERYONE,
    path: (f) => `/api/invitations/${f.acceptableInvitationCode}/accept`,
    body: (f) => ({ code: f.wechatCode() }),
  },
  'GET /api/employee-imports/template.csv': { allow: EVERYONE },
  'POST /api/employee-imports': { allow: ADMINS, file: csv },
  'GET /api/employee-imports/:id': {
    allow: ours(ADMINS),
    path: (f) => `/api/employee-imports/${f.importId}`,
  },

  // ---- my card, shares, radar, tasks ----
  'GET /api/me/card': { allow: STAFF },
  'PUT /api/me/card': { allow: STAFF, body: () => ({ name: '张伟' }) },
  'POST /api/me/card/avatar': { allow: STAFF, file: png },
  'GET /api/me/shares': { allow: STAFF },
  'GET /api/me/radar': { allow: STAFF },
  'GET /api/me/tasks': { allow: STAFF },

  // ---- materials and their figures ----
  'GET /api/materials': { allow: STAFF },
  'POST /api/materials': { allow: ADMINS, body: material },
  'POST /api/materials/images': { allow: ADMINS, file: png },
  'GET /api/materials/stats': { allow: MANAGERS },
  'GET /api/materials/:id': { allow: ours(STAFF), path: (f) => `/api/materials/${f.materialId}` },
  'PUT /api/materials/:id': {
    allow: ours(ADMINS),
    path: (f) => `/api/materials/${f.draftMaterialId}`,
    body: material,
  },
  'POST /api/materials/:id/media': {
    allow: ours(ADMINS),
    path: (f) => `/api/materials/${f.draftMaterialId}/media`,
    file: png,
  },
  'POST /api/materials/:id/cover': {
    allow: ours(ADMINS),
    path: (f) => `/api/materials/${f.draftMaterialId}/cover`,
    file: png,
  },
  'POST /api/materials/:id/publish': {
    allow: ours(ADMINS),
    path: (f) => `/api/materials/${f.draftMaterialId}/publish`,
  },
  'POST /api/materials/:id/archive': {
    allow: ours(ADMINS),
    path: (f) => `/api/materials/${f.draftMaterialId}/archive`,
  },
  'GET /api/materials/:id/stats': {
    allow: ours(MANAGERS),
    path: (f) => `/api/materials/${f.materialId}/stats`,
  },

  // ---- sharing and what prospects open ----
  // Staff share their own card (the card is the employee's); prospects forward what they viewed.
  'POST /api/shares': {
    allow: ['anonymous', 'prospect', 'employee'],
    body: (f) => ({ targetType: 'card', targetId: f.cardId, channel: 'chat', visitToken: f.visitToken }),
  },
  // A share's mini-program code is drawn for its sharer only.
  'GET /api/shares/:code/wxacode.png': {
    allow: ['employee'],
    path: (f) => `/api/shares/${f.cardShareCode}/wxacode.png`,
  },
  'GET /api/shares/:code/qrcode.svg': {
    allow: EVERYONE,
    path: (f) => `/api/shares/${f.cardShareCode}/qrcode.svg`,
  },
  'GET /api/public/cards/:cardId': { allow: EVERYONE, path: (f) => `/api/public/cards/${f.cardId}` },
  'GET /api/public/shares/:code': { allow: EVERYONE, path: (f) => `/api/public/shares/${f.cardShareCode}` },
  'GET /api/public/materials/shares/:code': {
    allow: EVERYONE,
    path: (f) => `/api/public/materials/shares/${f.materialShareCode}`,
  },
  'GET /v/:code': { allow: EVERYONE, path: (f) => `/v/${f.cardShareCode}` },

  // ---- tracking (H5 and mini-program pages) ----
  'POST /api/track/view': {
    allow: EVERYONE,
    body: (f) => ({
      eventId: randomUUID(),
      targetType: 'card',
      targetId: f.cardId,
      touchpoint: 'h5',
      visitorKey: 'matrix-visitor-key-0001',
    }),
  },
  'POST /api/track/actions': {
    allow: EVERYONE,
    body: (f) => ({
      visitToken: f.visitToken,
      actions: [{ eventId: randomUUID(), type: 'dwell', seconds: 5 }],
    }),
  },
  'POST /api/track/contact': {
    allow: EVERYONE,
    body: (f) => ({
      eventId: randomUUID(),
      visitToken: f.visitToken,
      consent: { granted: true, policyVersion: '2026-01' },
      phone: '13912345678',
    }),
  },

  // ---- the official site ----
  'GET /s/:code': { allow: EVERYONE, path: (f) => `/s/${f.siteLinkCode}` },
  'POST /api/site/links': {
    allow: ours(STAFF),
    refusedWith: { otherAdmin: 400 },
    body: (f) => ({ url: `${f.siteOrigin}/products/matrix` }),
  },
  'OPTIONS /api/site/:organizationKey/events': {
    allow: EVERYONE,
    path: (f) => `/api/site/${f.organizationKey}/events`,
    headers: (f) => ({ Origin: f.siteOrigin, 'Access-Control-Request-Method': 'POST' }),
  },
  'OPTIONS /api/site/:organizationKey/identify': {
    allow: EVERYONE,
    path: (f) => `/api/site/${f.organizationKey}/identify`,
    headers: (f) => ({ Origin: f.siteOrigin, 'Access-Control-Request-Method': 'POST' }),
  },
  'OPTIONS /api/site/:organizationKey/leads': {
    allow: EVERYONE,
    path: (f) => `/api/site/${f.organizationKey}/leads`,
    headers: (f) => ({ Origin: f.siteOrigin, 'Access-Control-Request-Method': 'POST' }),
  },
  'POST /api/site/:organizationKey/events': {
    allow: EVERYONE,
    path: (f) => `/api/site/${f.organizationKey}/events`,
    headers: siteCall,
    body: (f) => ({
      visitorKey: 'matrix-site-visitor-01',
      events: [{ type: 'view', eventId: randomUUID(), page: sitePage(f, '/products/a') }],
    }),
  },
  'POST /api/site/:organizationKey/identify': {
    allow: EVERYONE,
    path: (f) => `/api/site/${f.organizationKey}/identify`,
    headers: siteCall,
    body: () => ({
      visitorKey: 'matrix-site-visitor-01',
      phone: '13912345679',
      consent: { granted: true, policyVersion: '2026-01' },
    }),
  },
  'POST /api/site/:organizationKey/leads': {
    allow: EVERYONE,
    path: (f) => `/api/site/${f.organizationKey}/leads`,
    headers: siteCall,
    body: (f) => ({
      visitorKey: 'matrix-site-visitor-01',
      eventId: randomUUID(),
      form: 'consult',
      fields: { name: '访客', phone: '13912345679' },
      consent: { granted: true, policyVersion: '2026-01' },
      page: sitePage(f, '/contact'),
    }),
  },

  // ---- sharing tasks ----
  'GET /api/tasks': { allow: MANAGERS },
  'GET /api/tasks/targets': { allow: MANAGERS },
  'POST /api/tasks': {
    allow: ours(MANAGERS),
    body: (f) => ({
      title: f.unique('矩阵任务'),
      materialId: f.materialId,
      employeeIds: [f.employeeId],
      deadline: new Date(Date.now() + 86_400_000).toISOString(),
      goalShares: 1,
    }),
  },
  'GET /api/tasks/:id': { allow: ours(MANAGERS), path: (f) => `/api/tasks/${f.taskId}` },
  // Only admins and the manager who created the task close it; the admin created this one.
  'POST /api/tasks/:id/close': { allow: ['admin'], path: (f) => `/api/tasks/${f.taskId}/close` },

  // ---- leads, scoring and hand-off ----
  'GET /api/leads': { allow: STAFF },
  'GET /api/leads/export.csv': { allow: STAFF },
  'GET /api/leads/export.xlsx': { allow: STAFF },
  'GET /api/leads/:id': { allow: ours(STAFF), path: (f) => `/api/leads/${f.leadId}` },
  'POST /api/leads/:id/claim': { allow: ours(STAFF), path: (f) => `/api/leads/${f.leadId}/claim` },
  'POST /api/leads/:id/assign': {
    allow: ours(MANAGERS),
    path: (f) => `/api/leads/${f.leadId}/assign`,
    body: (f) => ({ employeeId: f.employeeId }),
  },
  'POST /api/leads/:id/stage': {
    allow: ours(STAFF),
    path: (f) => `/api/leads/${f.leadId}/stage`,
    body: () => ({ stage: 'sql', reason: '客户要报价' }),
  },
  'POST /api/leads/:id/follow-ups': {
    allow: ours(STAFF),
    path: (f) => `/api/leads/${f.leadId}/follow-ups`,
    body: () => ({ note: '电话沟通' }),
  },
  'PUT /api/leads/:id/tags': {
    allow: ours(STAFF),
    path: (f) => `/api/leads/${f.leadId}/tags`,
    body: () => ({ tags: ['高意向'] }),
  },
  'GET /api/scoring-config': { allow: MANAGERS },
  'PUT /api/scoring-config': { allow: ADMINS, body: () => DEFAULT_SCORING_CONFIG },
  'GET /api/handoff-settings': { allow: MANAGERS },
  'PUT /api/handoff-settings': { allow: ADMINS, body: () => DEFAULT_HANDOFF_SETTINGS },
  'GET /api/audit-log': { allow: ADMINS },

  // ---- PIPL rights: a visitor's own data (the visit token proves who they are), admins for other channels ----
  'POST /api/privacy/me': { allow: EVERYONE, body: (f) => ({ visitToken: f.visitToken }) },
  'POST /api/privacy/me/consents': {
    allow: EVERYONE,
    body: (f) => ({ visitToken: f.visitToken, purpose: 'personalised_marketing', granted: true }),
  },
  'POST /api/privacy/me/export': { allow: EVERYONE, body: (f) => ({ visitToken: f.visitToken }) },
  'POST /api/privacy/me/erase': { allow: EVERYONE, body: (f) => ({ visitToken: f.spareVisitToken() }) },
  'GET /api/leads/:id/personal-data': {
    allow: ours(ADMINS),
    path: (f) => `/api/leads/${f.leadId}/personal-data`,
  },
  'POST /api/leads/:id/erase': {
    allow: ours(ADMINS),
    path: (f) => `/api/leads/${f.leadId}/erase`,
    body: () => ({ reason: '客户来电要求删除' }),
  },
  'GET /api/retention-settings': { allow: ADMINS },
  'PUT /api/retention-settings': { allow: ADMINS, body: () => DEFAULT_RETENTION_SETTINGS },
  // ---- leaderboards and dashboard ----
  'GET /api/boards/employees': { allow: STAFF },
  'GET /api/boards/departments': { allow: STAFF },
  'GET /api/boards/materials': { allow: MANAGERS },
  'GET /api/boards/chains': { allow: MANAGERS },
  'GET /api/boards/events': { allow: STAFF },
  'GET /api/boards/:board/export': { allow: MANAGERS, path: () => '/api/boards/employees/export?format=csv' },
  'GET /api/boards/settings': { allow: ADMINS },
  'PUT /api/boards/settings': {
    allow: ADMINS,
    body: () => ({ timeZone: 'Asia/Shanghai', creditSplit: 'root' }),
  },
  'GET /api/boards/rebuild': { allow: ADMINS },
  'GET /api/dashboard': { allow: MANAGERS },
  'GET /api/dashboard/live': { allow: MANAGERS },
  'GET /api/dashboard/export': { allow: MANAGERS, path: () => '/api/dashboard/export?format=csv' },
};
