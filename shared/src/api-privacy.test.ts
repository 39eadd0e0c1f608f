import { withoutPersonalProps } from './api-privacy';

describe('withoutPersonalProps', () => {
  it('keeps only the form name of a lead form: name, phone, company and message go', () => {
    expect(
      withoutPersonalProps('form_submit', {
        form: 'consult',
        name: '张三',
        phone: '13800138000',
        company: '某某公司',
        message: '请联系我',
      }),
    ).toEqual({ form: 'consult' });
  });

  it('keeps the channel of a consult and drops its message', () => {
    expect(withoutPersonalProps('consult', { channel: 'form', message: '下午方便' })).toEqual({
      channel: 'form',
    });
  });

  it('leaves events without personal fields as they are (the same object)', () => {
    const props = { path: '/products/a' };
    expect(withoutPersonalProps('view', props)).toBe(props);
    const stripped = { form: 'consult' };
    expect(withoutPersonalProps('form_submit', stripped)).toBe(stripped);
    expect(withoutPersonalProps('consult', null)).toBeNull();
  });
});
