export default definePageConfig({ navigationBarTitleText: '物料管理' });
