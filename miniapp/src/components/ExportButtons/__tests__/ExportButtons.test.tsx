import { act, fireEvent, render, screen } from '@testing-library/react';
import ExportButtons from '..';
import { ApiError } from '../../../services/request';

const button = (name: string) => screen.getByText(name) as HTMLButtonElement;

describe('ExportButtons', () => {
  it('downloads the chosen format, with both buttons waiting until it is done', async () => {
    let finish: () => void = () => undefined;
    const download = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    render(<ExportButtons download={download} onError={jest.fn()} />);

    fireEvent.click(button('导出 Excel'));
    expect(download).toHaveBeenCalledWith('xlsx');
    expect(button('导出 CSV').disabled).toBe(true);
    expect(button('导出 Excel').disabled).toBe(true);

    await act(async () => finish());
    expect(button('导出 CSV').disabled).toBe(false);
    fireEvent.click(button('导出 CSV'));
    expect(download).toHaveBeenLastCalledWith('csv');
  });

  it("reports the server's reason for a refused export, and a plain retry hint otherwise", async () => {
    const onError = jest.fn();
    const download = jest
      .fn<Promise<void>, ['csv' | 'xlsx']>()
      .mockRejectedValueOnce(
        new ApiError(403, { statusCode: 403, error: 'Forbidden', message: '没有权限导出' }),
      )
      .mockRejectedValueOnce(new TypeError('Failed to fetch'));
    render(<ExportButtons download={download} onError={onError} />);

    await act(async () => fireEvent.click(button('导出 CSV')));
    await act(async () => fireEvent.click(button('导出 CSV')));
    expect(onError.mock.calls).toEqual([['没有权限导出'], ['导出失败，请重试']]);
    expect(button('导出 CSV').disabled).toBe(false);
  });
});
