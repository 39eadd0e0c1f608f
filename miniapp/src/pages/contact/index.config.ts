export default definePageConfig({ navigationBarTitleText: '留下联系方式' });
