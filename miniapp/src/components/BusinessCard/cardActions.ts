import Taro from '@tarojs/taro';
import { type CardDto, siteUrlWithShare } from '@cardhub/shared';
import { visitorKey } from '../../services/tracking';
import { copyText } from '../../utils/clipboard';
import { buildVCard } from '../../utils/vcard';
import type { BusinessCardAction } from '.';

const isWeapp = process.env.TARO_ENV === 'weapp';

/**
 * Does what a prospect asked for on the card, the WeChat way or the browser way. The official site opens with
 * the share code the prospect came by, so what they do there is credited to the same share.
 */
export async function performCardAction(
  action: Exclude<BusinessCardAction, 'forward'>,
  card: CardDto,
  shareCode?: string,
): Promise<void> {
  switch (action) {
    case 'call':
      await Taro.makePhoneCall({ phoneNumber: card.phone });
      return;
    case 'copy_wechat':
      await copyWithToast(card.wechatId, '微信号已复制');
      return;
    case 'save_contact':
      if (isWeapp) {
        await Taro.addPhoneContact({
          firstName: card.name,
          mobilePhoneNumber: card.phone,
          organization: card.company,
          title: card.title,
          email: card.email,
          weChatNumber: card.wechatId,
          url: card.siteUrl,
        });
      } else {
        downloadVCard(card);
      }
      return;
    case 'open_site':
      await openSite(shareCode ? siteUrlWithShare(card.siteUrl, shareCode, siteVisitorKey()) : card.siteUrl);
      return;
  }
}

/** On H5 the visitor's own key goes along to the site (one visitor on both origins); WeChat users have none. */
export function siteVisitorKey(): string | undefined {
  return isWeapp ? undefined : visitorKey();
}

/** Opens the official site; a mini-program may only open its own business domains, so there the link is copied. */
export async function openSite(url: string): Promise<void> {
  if (isWeapp) await copyWithToast(url, '官网链接已复制，请在浏览器打开');
  else window.open(url, '_blank', 'noopener');
}

/** Copies `text` and tells the prospect whether it worked (a refused copy asks them to copy by hand). */
export async function copyWithToast(text: string, toast: string): Promise<void> {
  const copied = await copyText(text);
  await Taro.showToast({ title: copied ? toast : '复制失败，请长按文字手动复制', icon: 'none' });
}

function downloadVCard(card: CardDto): void {
  const url = URL.createObjectURL(new Blob([buildVCard(card)], { type: 'text/vcard;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${card.name}.vcf`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
