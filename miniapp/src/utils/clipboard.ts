import Taro from '@tarojs/taro';

/**
 * Copies text and says whether it really worked. On H5, Taro.setClipboardData reports success
 * even when the browser refused, so the browser's own clipboard APIs are used and checked instead.
 */
export async function copyText(text: string): Promise<boolean> {
  if (process.env.TARO_ENV !== 'h5') {
    try {
      await Taro.setClipboardData({ data: text });
      return true;
    } catch {
      return false;
    }
  }
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission refused: fall through to the older API.
    }
  }
  return copyWithSelection(text);
}

function copyWithSelection(text: string): boolean {
  const textarea = document.createElement('textarea');
  textarea.value = text;
  textarea.readOnly = true;
  textarea.style.position = 'fixed';
  textarea.style.opacity = '0';
  document.body.appendChild(textarea);
  textarea.select();
  textarea.setSelectionRange(0, text.length);
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    document.body.removeChild(textarea);
  }
}
