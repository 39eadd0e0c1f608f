export default definePageConfig({
  navigationBarTitleText: '物料详情',
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
