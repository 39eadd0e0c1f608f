// Taro's H5 runtime renders into the real DOM only when it believes it runs on the web.
process.env.TARO_PLATFORM = 'web';
process.env.TARO_ENV = 'h5';
(globalThis as Record<string, unknown>).API_BASE_URL = '';
// Build-time constant that Taro's webpack config normally defines.
(globalThis as Record<string, unknown>).DEPRECATED_ADAPTER_COMPONENT = false;
// eslint-disable-next-line @typescript-eslint/no-require-imports
(globalThis as Record<string, unknown>).React = require('react');
// Loaded before the components to avoid an import cycle between them.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('@tarojs/taro');
// jsdom implements no editing commands; the rich-text editor calls them on real browsers only.
document.execCommand = () => false;
