export default definePageConfig({ navigationBarTitleText: '营销任务' });
