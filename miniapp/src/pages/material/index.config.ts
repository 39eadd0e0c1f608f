export default definePageConfig({
  navigationBarTitleText: '物料库',
  enablePullDownRefresh: true,
});
