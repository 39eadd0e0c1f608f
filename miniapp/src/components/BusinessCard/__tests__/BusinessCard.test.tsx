import { fireEvent, render, screen } from '@testing-library/react';
import { BusinessCard, type BusinessCardContent } from '..';
import { exampleCard } from '../../../../test/fixtures/card';

const card: BusinessCardContent = exampleCard;

describe('BusinessCard', () => {
  it('shows who the card belongs to and how to reach them', () => {
    render(<BusinessCard card={card} />);
    for (const text of [
      '陈静',
      '大客户经理',
      '星辰科技',
      '13800138003',
      'chenjing_xc',
      '负责金融与保险行业大客户。',
    ]) {
      expect(screen.getByText(text)).toBeTruthy();
    }
    expect(screen.getByText('陈', { selector: 'taro-text-core' })).toBeTruthy();
  });

  it('reports the action a prospect taps', () => {
    const onAction = jest.fn();
    render(<BusinessCard card={card} onAction={onAction} />);
    fireEvent.click(screen.getByText('拨打电话'));
    fireEvent.click(screen.getByText('复制微信'));
    expect(onAction.mock.calls).toEqual([['call'], ['copy_wechat']]);
  });

  it('hides actions the card cannot support', () => {
    render(<BusinessCard card={{ ...card, phone: '', siteUrl: '' }} />);
    expect(screen.queryByText('拨打电话')).toBeNull();
    expect(screen.queryByText('访问官网')).toBeNull();
    expect(screen.getByText('保存名片')).toBeTruthy();
  });

  it('does nothing on tap in the employee’s own preview', () => {
    const onAction = jest.fn();
    render(<BusinessCard card={card} preview onAction={onAction} />);
    fireEvent.click(screen.getByText('拨打电话'));
    expect(onAction).not.toHaveBeenCalled();
    expect(screen.queryByText('转发名片给朋友')).toBeNull();
  });
});
