export default definePageConfig({ navigationBarTitleText: '数据明细' });
