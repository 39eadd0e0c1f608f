export default definePageConfig({ navigationBarTitleText: '隐私政策与个人数据' });
