import Taro from '@tarojs/taro';
import { setPageTitle } from './pageTitle';

describe('setPageTitle on H5', () => {
  it("gives Taro's navigation bar (which uses innerHTML) escaped text, and the tab the text as typed", async () => {
    const setNavigationBarTitle = jest
      .spyOn(Taro, 'setNavigationBarTitle')
      .mockResolvedValue({ errMsg: 'ok' });
    await setPageTitle('<img src=x onerror=alert(1)>的名片');
    expect(setNavigationBarTitle).toHaveBeenCalledWith({
      title: '&#60;img src=x onerror=alert(1)&#62;的名片',
    });
    expect(document.title).toBe('<img src=x onerror=alert(1)>的名片');
  });
});
