import type { CardDto } from '@cardhub/shared';
import { fieldErrorsFrom, formFromCard, validateCardForm } from '../cardForm';

const card: CardDto = {
  id: 'card-1',
  employeeId: 'employee-1',
  name: '李雷',
  title: '客户经理',
  company: '星辰科技',
  avatarUrl: null,
  phone: '13800138000',
  wechatId: 'lilei_2026',
  email: 'lilei@example.com',
  address: '',
  bio: '',
  siteUrl: '',
  organizationName: '星辰科技',
  updatedAt: '2026-11-23T10:00:00Z',
};

describe('card form validation (the shared zod schema, Chinese messages)', () => {
  it('accepts a complete card', () => {
    expect(validateCardForm(formFromCard(card))).toMatchObject({ ok: true });
  });

  it.each([
    ['name', '  ', '请填写姓名（最多 40 个字）'],
    ['wechatId', '12345', '微信号为 6–20 位字母、数字、“-”或“_”，且以字母开头'],
    ['email', 'not-an-email', '请填写正确的邮箱地址，如 name@example.com'],
    ['phone', 'call me', '请填写正确的手机号：数字、空格或“-”，5–20 位'],
    ['siteUrl', 'ftp://example.com', '请填写以 http:// 或 https:// 开头的网址'],
  ] as const)('rejects a bad %s with its rule', (field, value, message) => {
    expect(validateCardForm({ ...formFromCard(card), [field]: value })).toEqual({
      ok: false,
      errors: { [field]: message },
    });
  });

  it('maps server field errors the same way and ignores unknown paths', () => {
    expect(fieldErrorsFrom([{ path: 'email' }, { path: 'organizationId' }])).toEqual({
      email: '请填写正确的邮箱地址，如 name@example.com',
    });
  });
});
