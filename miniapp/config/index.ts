import { defineConfig } from '@tarojs/cli';
import type { Compilation } from 'webpack';

const platform = process.env.TARO_ENV ?? 'h5';

/**
 * One app, two targets: `dist/weapp` for WeChat, `dist/h5` for browsers (served by our server at `/`, so it
 * calls the API on its own origin). The mini-program needs an absolute API address.
 */
const apiBaseUrl = platform === 'weapp' ? (process.env.CARDHUB_API_BASE_URL ?? 'http://localhost:3000') : '';

// Taro writes TARO_APP_ID into dist/weapp/project.config.json; default it to the appid the server is given.
if (!process.env.TARO_APP_ID && process.env.WECHAT_APP_ID)
  process.env.TARO_APP_ID = process.env.WECHAT_APP_ID;

/**
 * The page most shared links open, for a prospect on H5. index.html starts loading its chunks and its card (the GET
 * of services/cards.ts `getPublicCardByShare`) alongside the app's own scripts, rather than after they have run.
 */
const SHARED_CARD_PAGE = { route: 'pages/card/view/index', api: '/api/public/shares/' };

/** What index.html's script needs (see src/index.html): the route, its API path and the files of its chunks. */
function sharedCardPage(compilation: Compilation) {
  const entryFiles = new Set([...compilation.entrypoints.values()].flatMap((entry) => entry.getFiles()));
  const page = compilation.chunkGroups.find((group) =>
    group.origins.some((origin) => origin.request?.endsWith(SHARED_CARD_PAGE.route)),
  );
  if (!page) throw new Error(`no chunk loads ${SHARED_CARD_PAGE.route}`);
  const files = page.getFiles().filter((file) => /\.(js|css)$/.test(file) && !entryFiles.has(file));
  return { ...SHARED_CARD_PAGE, files: files.map((file) => `/${file}`) };
}

export default defineConfig({
  projectName: 'cardhub',
  date: '2026-11-23',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: `dist/${platform}`,
  defineConstants: { API_BASE_URL: JSON.stringify(apiBaseUrl) },
  framework: 'react',
  compiler: 'webpack5',
  // webpack's persistent cache (node_modules/.cache, one per target; config/index.ts and app.config.ts
  // invalidate it). Measured on 2 busy cores: weapp 32–48 s cold → 15 s warm, h5 122 s → 20 s.
  cache: { enable: true },
  mini: {
    postcss: { pxtransform: { enable: true, config: {} }, cssModules: { enable: false } },
  },
  h5: {
    publicPath: '/',
    htmlPluginOption: { sharedCardPage },
    webpackChain(chain) {
      // Taro splits only the entry's chunks, so every page chunk (loaded on demand) carried its own copy of
      // Taro's components (with Swiper), its H5 APIs and their polyfills: ~0.5 MB per page. Libraries that
      // pages share go to chunks of their own; small ones stay in the pages (fewer requests).
      const splitChunks = chain.optimization.get('splitChunks');
      chain.optimization.splitChunks({
        ...splitChunks,
        cacheGroups: {
          ...splitChunks.cacheGroups,
          pageLibraries: {
            chunks: 'async',
            test: /[\\/]node_modules[\\/]/,
            minChunks: 2,
            minSize: 30_000,
            priority: 20,
            reuseExistingChunk: true,
          },
        },
      });
    },
    staticDirectory: 'static',
    router: { mode: 'hash' },
    output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
    miniCssExtractPluginOption: {
      filename: 'css/[name].[contenthash:8].css',
      chunkFilename: 'css/[name].[contenthash:8].css',
    },
    postcss: {
      autoprefixer: { enable: true, config: {} },
      cssModules: { enable: false },
      // Phone-sized type on every screen: the root size stops growing past a large phone's width.
      pxtransform: { enable: true, config: { maxRootSize: 22 } },
    },
  },
});
