/**
 * The console (managers' and admins' web back office) exists only in the H5 build, never in the WeChat package;
 * it is a subpackage there so that a prospect opening a card never downloads it.
 */
const CONSOLE_PACKAGE = {
  root: 'pages/console',
  pages: [
    'login/index',
    'roster/index',
    'materials/index',
    'materials/edit/index',
    'tasks/index',
    'materials/stats/index',
    'scoring/index',
    'leads/index',
    'privacy/index',
    'dashboard/index',
    'boards/index',
    'boards/events/index',
  ],
};

/** The material pages load on demand in WeChat: the main package keeps the card, the landing page of most shares. */
const MATERIAL_PACKAGE = {
  root: 'pages/material',
  pages: ['index', 'detail/index', 'view/index'],
};

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
    'pages/shares/index',
    'pages/tasks/index',
    'pages/privacy/index',
    'pages/leaderboard/index',
    'pages/leaderboard/events/index',
  ],
  subPackages: [MATERIAL_PACKAGE, ...(process.env.TARO_ENV === 'h5' ? [CONSOLE_PACKAGE] : [])],
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
