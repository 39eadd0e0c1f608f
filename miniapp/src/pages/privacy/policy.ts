import { DEFAULT_RETENTION_SETTINGS, PRIVACY_POLICY_VERSION } from '@cardhub/shared';

/** The privacy policy (隐私政策) the consent boxes and WeChat's privacy popup point to. */
export const PRIVACY_POLICY = {
  version: PRIVACY_POLICY_VERSION,
  sections: [
    {
      title: '我们收集什么',
      body: '浏览名片和资料无需提供任何个人信息，我们只记录匿名的访问标识、浏览和点击行为。只有在你勾选同意后，才会收集你主动填写或经微信授权的手机号、称呼、公司和留言。',
    },
    {
      title: '用于什么目的',
      body: '联系你：把你留下的联系方式交给为你分享的员工，由其与你联系。个性化营销：根据浏览行为自动评分，并提醒员工跟进（自动化决策，你可以随时拒绝）。',
    },
    {
      title: '保存多久',
      body: `企业可设置保存期限：默认连续 ${DEFAULT_RETENTION_SETTINGS.inactiveVisitorDays} 天未访问后删除你的个人信息，${DEFAULT_RETENTION_SETTINGS.rawEventDays} 天后删除浏览记录中的设备信息和表单内容，只保留匿名统计。`,
    },
    {
      title: '你的权利',
      body: '你可以在本页查看和撤回每一项同意、拒绝个性化营销、下载我们持有的你的全部数据（JSON），或要求删除你的个人信息。删除后你的行为记录只以匿名方式计入统计，无法再与你关联。',
    },
  ],
};
