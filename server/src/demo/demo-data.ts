import type { MaterialType, ProductSpec, StaffRole } from '@cardhub/shared';

/** The demo tenant everybody sees first (DEMO_MODE=1): 星辰科技 with a believable sales team. */
export const DEMO_ORGANIZATION_SLUG = 'demo';
export const DEMO_PASSWORD = 'demo1234';
export const DEMO_SITE_URL = 'http://localhost:3200/';

export interface DemoStaffMember {
  name: string;
  title: string;
  role: StaffRole;
  department: string | null;
  account?: string;
  phone: string;
  wechatId: string;
  email: string;
  bio: string;
}

/**
 * A published material; the body is rich text in the tags the server's sanitiser keeps. Media are file names
 * in server/assets/demo/ (made by scripts/render-demo-media.mjs), stored as uploads when the demo is seeded.
 */
export interface DemoMaterial {
  type: MaterialType;
  title: string;
  summary: string;
  category: string;
  tags: string[];
  body?: string;
  cover: string;
  media?: string;
  priceText?: string;
  specs?: ProductSpec[];
  images?: string[];
}

export interface DemoOrganization {
  slug: string;
  name: string;
  siteUrl: string;
  /** Printed on every card of the organization. */
  address: string;
  departments: string[];
  staff: DemoStaffMember[];
  /** Published by the admin, newest last. */
  materials: DemoMaterial[];
}

export const DEMO_ORGANIZATION: DemoOrganization = {
  slug: DEMO_ORGANIZATION_SLUG,
  name: '星辰科技',
  siteUrl: DEMO_SITE_URL,
  address: '上海市浦东新区张江高科技园区碧波路 690 号 3 号楼 8 层',
  departments: ['销售一部', '销售二部', '市场部'],
  staff: [
    {
      name: '王总',
      title: '总经理',
      role: 'admin',
      department: null,
      account: 'admin@demo.cardhub',
      phone: '13800138000',
      wechatId: 'xingchen_wang',
      email: 'wang@xingchen-tech.cn',
      bio: '星辰科技创始人，十五年企业服务经验，专注用数字化工具帮助销售团队提升获客效率。',
    },
    {
      name: '李经理',
      title: '销售一部经理',
      role: 'manager',
      department: '销售一部',
      account: 'manager@demo.cardhub',
      phone: '13800138006',
      wechatId: 'xingchen_li',
      email: 'li@xingchen-tech.cn',
      bio: '负责华东区重点客户，带领销售一部连续三年超额完成目标。',
    },
    {
      name: '张伟',
      title: '高级销售顾问',
      role: 'employee',
      department: '销售一部',
      phone: '13800138001',
      wechatId: 'zhangwei_xc',
      email: 'zhangwei@xingchen-tech.cn',
      bio: '为制造业客户提供智能名片与私域获客方案，已服务 200+ 企业客户。',
    },
    {
      name: '刘洋',
      title: '客户经理',
      role: 'employee',
      department: '销售一部',
      phone: '13800138002',
      wechatId: 'liuyang_xc',
      email: 'liuyang@xingchen-tech.cn',
      bio: '专注零售与连锁行业，擅长全员营销落地与门店数字化。',
    },
    {
      name: '陈静',
      title: '大客户经理',
      role: 'employee',
      department: '销售二部',
      phone: '13800138003',
      wechatId: 'chenjing_xc',
      email: 'chenjing@xingchen-tech.cn',
      bio: '负责金融与保险行业大客户，熟悉合规要求与销售线索管理。',
    },
    {
      name: '杨帆',
      title: '销售代表',
      role: 'employee',
      department: '销售二部',
      phone: '13800138004',
      wechatId: 'yangfan_xc',
      email: 'yangfan@xingchen-tech.cn',
      bio: '新锐销售，擅长用短视频与海报在朋友圈获客。',
    },
    {
      name: '赵敏',
      title: '市场专员',
      role: 'employee',
      department: '市场部',
      phone: '13800138005',
      wechatId: 'zhaomin_xc',
      email: 'zhaomin@xingchen-tech.cn',
      bio: '负责官网内容与线上活动策划，让每一篇物料都能被追踪与转化。',
    },
  ],
  materials: [
    {
      type: 'article',
      title: '全员营销时代，销售如何用一张名片撬动私域流量',
      summary: '从“发名片”到“被追踪的名片”：三个步骤让每一次转发都能带来可衡量的线索。',
      category: '行业洞察',
      tags: ['私域', '全员营销'],
      cover: 'article-cover.jpg',
      body: [
        '<h2>名片不再只是联系方式</h2>',
        '<p>过去，一张纸质名片递出去之后，销售就失去了对它的感知：客户有没有看、什么时候看、转给了谁，全都无从知晓。智能名片让这一切变得<strong>可见、可追踪、可转化</strong>。</p>',
        '<h2>第一步：让每位员工都成为品牌的出口</h2>',
        '<p>企业统一维护名片模板和物料库，员工只需一键转发。品牌形象保持一致，内容由市场部集中更新，销售不再为“发什么”而发愁。</p>',
        '<h2>第二步：看懂客户的每一次浏览</h2>',
        '<p>访客雷达实时记录客户打开名片、阅读文章、拨打电话的行为。停留时间越长、互动越多，意向越明确，销售可以据此安排跟进的先后顺序。</p>',
        '<blockquote>某制造业客户上线三个月，销售团队的有效线索增长了 46%。</blockquote>',
        '<h2>第三步：让转发链条带来新客户</h2>',
        '<p>客户把名片转给同事或朋友，新的访客同样会被归属到最初分享的员工。<em>一次分享，持续获客</em>，这正是私域流量的价值所在。</p>',
      ].join(''),
    },
    {
      type: 'product',
      title: '星辰智能名片 企业版',
      summary: '为 50 人以上销售团队打造的智能名片与访客雷达，支持统一物料库和数据看板。',
      category: '产品介绍',
      tags: ['智能名片', '企业版'],
      cover: 'product-cover.jpg',
      images: ['product-1.jpg', 'product-2.jpg'],
      priceText: '¥1,980 / 人 / 年起',
      specs: [
        { name: '起订人数', value: '50 人' },
        { name: '部署方式', value: '公有云 / 私有化' },
        { name: '数据存储', value: '中国境内' },
        { name: '技术支持', value: '7×24 小时' },
      ],
      body: [
        '<p>50 人起订，首年赠送专属客户成功经理服务。</p>',
        '<h2>核心功能</h2>',
        '<ul><li>统一企业名片模板，员工信息一键同步</li><li>访客雷达：浏览、通话、复制微信实时提醒</li><li>物料库：文章、海报、视频、产品页一键分享</li><li>管理看板：按部门、员工统计获客效果</li></ul>',
        '<h2>服务保障</h2>',
        '<p>数据存储于国内云服务器，支持私有化部署；7×24 小时技术支持。</p>',
      ].join(''),
    },
    {
      type: 'poster',
      title: '2026 春季新品发布会邀请函',
      summary: '3 月 28 日 · 上海张江，诚邀您共同见证星辰智能名片 4.0 发布。',
      category: '市场活动',
      tags: ['发布会', '海报'],
      cover: 'poster-cover.jpg',
      media: 'spring-launch-poster.jpg',
    },
    {
      type: 'video',
      title: '客户案例：华东某制造企业的数字化获客之路',
      summary: '三分钟了解一家传统制造企业如何用智能名片让销售线索翻倍。',
      category: '客户案例',
      tags: ['制造业', '视频'],
      cover: 'video-cover.jpg',
      media: 'case-manufacturing.mp4',
    },
  ],
};

/** A second tenant, so tenant isolation is visible (and testable) in the demo. */
export const OTHER_DEMO_ORGANIZATION: DemoOrganization = {
  slug: 'yunfan',
  name: '云帆贸易',
  siteUrl: 'https://yunfan.example.com/',
  address: '上海市黄浦区中山东一路 18 号',
  departments: [],
  staff: [
    {
      name: '赵总',
      title: '总经理',
      role: 'admin',
      department: null,
      account: 'admin@yunfan.cardhub',
      phone: '13900139000',
      wechatId: 'yunfan_zhao',
      email: 'zhao@yunfan.example.com',
      bio: '云帆贸易总经理。',
    },
  ],
  materials: [],
};
