export default definePageConfig({ navigationBarTitleText: '编辑物料' });
