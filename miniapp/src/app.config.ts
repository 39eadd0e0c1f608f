/** The console (managers' and admins' web back office) exists only in the H5 build, never in the WeChat package. */
const CONSOLE_PAGES = [
  'pages/console/login/index',
  'pages/console/roster/index',
  'pages/console/materials/index',
  'pages/console/materials/edit/index',
  'pages/console/tasks/index',
  'pages/console/materials/stats/index',
  'pages/console/scoring/index',
  'pages/console/leads/index',
];

export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/card/view/index',
    'pages/card/edit/index',
    'pages/card/share/index',
    'pages/radar/index',
    'pages/join/index',
    'pages/contact/index',
    'pages/leads/index',
    'pages/leads/detail/index',
    'pages/material/index',
    'pages/material/detail/index',
    'pages/material/view/index',
    'pages/shares/index',
    'pages/tasks/index',
    ...(process.env.TARO_ENV === 'h5' ? CONSOLE_PAGES : []),
  ],
  window: {
    navigationBarTitleText: '智能名片',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f7',
    backgroundTextStyle: 'dark',
  },
  // WeChat's privacy-authorization flow guards every privacy API (phone number, album, contacts).
  __usePrivacyCheck__: true,
});
