/**
 * `@tarojs/taro` as the H5 build sees it. Taro's webpack plugin rewrites `Taro.request(...)` and friends into
 * named imports from `@tarojs/taro-h5`, whose default export alone lacks most APIs; under Jest nothing
 * rewrites, so the default object gets every named API here.
 */
const h5 = require('@tarojs/taro-h5');

const { default: taro, ...apis } = h5;
for (const [name, api] of Object.entries(apis)) {
  if (name !== '__esModule' && !(name in taro)) taro[name] = api;
}

module.exports = h5;
