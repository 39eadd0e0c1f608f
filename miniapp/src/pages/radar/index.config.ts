export default definePageConfig({
  navigationBarTitleText: '访客雷达',
  enablePullDownRefresh: true,
});
