import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { CardDto } from '@cardhub/shared';
import CardEditPage from '..';
import { getMyCard, updateMyCard } from '../../../../services/cards';
import { ApiError } from '../../../../services/request';

jest.mock('../../../../services/cards');

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

/** Taro's Input reports typing as an `input` event whose detail carries the value. */
function typeInto(field: Element, value: string) {
  act(() => {
    field.dispatchEvent(new CustomEvent('input', { bubbles: true, detail: { value } }));
  });
}

// The H5 build rewrites Taro.showToast into a direct import; under Jest the default object lacks it.
const showToast = jest.fn();
Object.assign(Taro, { showToast });

describe('CardEditPage', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.mocked(getMyCard).mockResolvedValue(card);
  });

  it('shows the shared schema’s errors under a bad WeChat ID and a bad email, and does not save', async () => {
    const { container } = render(<CardEditPage />);
    await screen.findByText('微信号');

    const fields = [...container.querySelectorAll('.form-field')];
    const control = (label: string) => {
      const field = fields.find((element) =>
        element.querySelector('.form-field__label')?.textContent?.startsWith(label),
      );
      if (!field) throw new Error(`no field ${label}`);
      return field.querySelector('.card-edit__input') as Element;
    };
    typeInto(control('微信号'), '12345');
    typeInto(control('邮箱'), 'not-an-email');
    fireEvent.click(screen.getByText('保存'));

    expect(await screen.findByText('微信号为 6–20 位字母、数字、“-”或“_”，且以字母开头')).toBeTruthy();
    expect(screen.getByText('请填写正确的邮箱地址，如 name@example.com')).toBeTruthy();
    expect(container.querySelectorAll('.form-field--invalid')).toHaveLength(2);
    expect(updateMyCard).not.toHaveBeenCalled();
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请按提示修改后再保存' }));
  });

  it('shows the server’s 400 field errors under the same fields', async () => {
    jest.mocked(updateMyCard).mockRejectedValue(
      new ApiError(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid request body',
        fields: [{ path: 'email', message: 'must be an email address' }],
      }),
    );
    const { container } = render(<CardEditPage />);
    fireEvent.click(await screen.findByText('保存'));

    expect(await screen.findByText('请填写正确的邮箱地址，如 name@example.com')).toBeTruthy();
    expect(container.querySelectorAll('.form-field--invalid')).toHaveLength(1);
    expect(updateMyCard).toHaveBeenCalledWith(
      expect.objectContaining({ name: '李雷', email: 'lilei@example.com' }),
    );
  });
});
