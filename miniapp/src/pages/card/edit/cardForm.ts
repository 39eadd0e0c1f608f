import { updateCardSchema } from '@cardhub/shared';
import type { CardDto, UpdateCardInput } from '@cardhub/shared';

export type CardForm = Required<UpdateCardInput>;
export type CardField = keyof CardForm;
export type CardFieldErrors = Partial<Record<CardField, string>>;

/**
 * The rule of each field, in Chinese. The shared zod schema decides *whether* a field is wrong
 * (client and server alike); this says *why* to the person typing.
 */
const FIELD_RULES: Record<CardField, string> = {
  name: '请填写姓名（最多 40 个字）',
  title: '职位最多 60 个字',
  company: '公司名称最多 80 个字',
  phone: '请填写正确的手机号：数字、空格或“-”，5–20 位',
  wechatId: '微信号为 6–20 位字母、数字、“-”或“_”，且以字母开头',
  email: '请填写正确的邮箱地址，如 name@example.com',
  address: '地址最多 120 个字',
  bio: '个人简介最多 500 个字',
  siteUrl: '请填写以 http:// 或 https:// 开头的网址',
};

const CARD_FIELDS = Object.keys(FIELD_RULES) as CardField[];

function isCardField(path: string): path is CardField {
  return (CARD_FIELDS as string[]).includes(path);
}

export function formFromCard(card: CardDto): CardForm {
  return Object.fromEntries(CARD_FIELDS.map((field) => [field, card[field]])) as CardForm;
}

/** Maps issue paths (zod's on the client, `ApiErrorBody.fields` from the server) to one message per field. */
export function fieldErrorsFrom(issues: { path: string }[]): CardFieldErrors {
  const errors: CardFieldErrors = {};
  for (const { path } of issues) {
    if (isCardField(path)) errors[path] = FIELD_RULES[path];
  }
  return errors;
}

/** Validates with the same schema the server uses; returns the parsed input or the errors by field. */
export function validateCardForm(
  form: CardForm,
): { ok: true; input: UpdateCardInput } | { ok: false; errors: CardFieldErrors } {
  const result = updateCardSchema.safeParse(form);
  if (result.success) return { ok: true, input: result.data };
  return {
    ok: false,
    errors: fieldErrorsFrom(result.error.issues.map((issue) => ({ path: String(issue.path[0] ?? '') }))),
  };
}
