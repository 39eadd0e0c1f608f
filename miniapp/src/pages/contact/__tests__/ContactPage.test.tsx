import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import ContactPage from '..';
import { fakeServer, ok } from '../../../../test/page-host';

jest.mock('@tarojs/taro', () =>
  jest
    .requireActual('../../../../test/page-host')
    .taroWithPageHost(() => ({ token: 'visit-token', to: '%E5%BC%A0%E4%BC%9F' })),
);

/** Taro's Input reports typing as an `input` event whose detail carries the value. */
const typeInto = (placeholder: string, value: string) =>
  screen
    .getByPlaceholderText(placeholder)
    .dispatchEvent(new CustomEvent('input', { bubbles: true, detail: { value } }));

describe('ContactPage on H5', () => {
  it('sends nothing before consent, then the phone with the consent, and says who will call', async () => {
    const sent = fakeServer({ 'POST /api/track/contact': ok({ employeeName: '张伟' }) });
    render(<ContactPage />);
    expect(screen.getByText('请张伟联系我')).toBeTruthy();
    typeInto('如：王先生', '王先生');
    typeInto('11 位手机号', '13912345678');
    fireEvent.click(screen.getByText('提交'));
    expect(await screen.findByText('请先阅读并同意个人信息的使用说明')).toBeTruthy();
    expect(sent).toHaveLength(0);

    fireEvent.click(screen.getByText(/我同意将姓名、手机号和留言提供给张伟所在企业/));
    fireEvent.click(screen.getByText('提交'));
    expect(await screen.findByText('已通知张伟')).toBeTruthy();
    expect(sent[0]!.data).toMatchObject({
      visitToken: 'visit-token',
      phone: '13912345678',
      name: '王先生',
      consent: { granted: true, policyVersion: '2026-11' },
    });
  });

  it("shows the server's refusal of a bad number next to the form", async () => {
    fakeServer({
      'POST /api/track/contact': {
        statusCode: 400,
        data: {
          statusCode: 400,
          error: 'Bad Request',
          message: 'Invalid request body',
          fields: [{ path: 'phone', message: 'x' }],
        },
      },
    });
    render(<ContactPage />);
    typeInto('11 位手机号', '12');
    fireEvent.click(screen.getByText(/我同意将姓名/));
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(screen.getByText('请填写正确的手机号')).toBeTruthy());
  });
});
