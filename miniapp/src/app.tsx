import type { PropsWithChildren } from 'react';
import { listenForPrivacyAuthorization } from './services/privacyAuthorization';
import './app.scss';

// Before any page can call a privacy API, WeChat's privacy-authorization flow is in place.
if (process.env.TARO_ENV === 'weapp') listenForPrivacyAuthorization();

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
