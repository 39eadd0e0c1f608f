export default definePageConfig({ navigationBarTitleText: '物料数据' });
