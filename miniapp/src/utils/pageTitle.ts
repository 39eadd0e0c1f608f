import Taro from '@tarojs/taro';
import { escapeHtml } from '@cardhub/shared';

/**
 * Sets the page's title to text people typed (a card's name, a material's title). Taro's H5 navigation bar
 * writes its title with innerHTML, so on H5 it gets the text escaped (`<img onerror>` stays text) and the
 * browser tab gets it as typed; the mini-program shows text as it is.
 */
export async function setPageTitle(title: string): Promise<void> {
  if (process.env.TARO_ENV !== 'h5') {
    await Taro.setNavigationBarTitle({ title });
    return;
  }
  await Taro.setNavigationBarTitle({ title: escapeHtml(title) });
  document.title = title;
}
