import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { copyText } from '../../utils/clipboard';
import './index.scss';

const LINK_ID = 'share-link-field-url';

/** Selects the link on the page so the user can copy it by hand (H5 only). */
function selectLinkText() {
  const element = document.getElementById(LINK_ID);
  const selection = window.getSelection();
  if (!element || !selection) return;
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
}

export interface ShareLinkFieldProps {
  url: string;
}

/** The link in a read-only field with a copy button; if the browser refuses to copy, the link is selected for a manual copy. */
export default function ShareLinkField({ url }: ShareLinkFieldProps) {
  const handleCopy = async () => {
    if (await copyText(url)) {
      // The mini-program shows its own "内容已复制" toast.
      if (process.env.TARO_ENV === 'h5') Taro.showToast({ title: '链接已复制', icon: 'success' });
      return;
    }
    if (process.env.TARO_ENV === 'h5') selectLinkText();
    Taro.showToast({ title: '已选中链接，请手动复制', icon: 'none' });
  };

  return (
    <View className="share-link-field">
      <Text id={LINK_ID} className="share-link-field__url" userSelect>
        {url}
      </Text>
      <Button className="button-primary share-link-field__button" onClick={handleCopy}>
        复制链接
      </Button>
    </View>
  );
}
