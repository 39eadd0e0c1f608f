import type { StaffRole } from '@cardhub/shared';

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

export interface DemoOrganization {
  slug: string;
  name: string;
  siteUrl: string;
  /** Printed on every card of the organization. */
  address: string;
  departments: string[];
  staff: DemoStaffMember[];
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
};
