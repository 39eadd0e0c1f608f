import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { DemoAccount, LoginResponse } from '@cardhub/shared';
import { consoleSectionsFor } from '../../../components/ConsoleLayout';
import RoleBadge from '../../../components/RoleBadge';
import { demoLogin, fetchDemoAccounts, passwordLogin } from '../../../services/auth';
import { failureMessage } from '../../../services/request';
import './index.scss';

/** Managers and admins land in their first console section; employees on their card workbench. */
function landingUrl(session: LoginResponse): string {
  const { principal } = session;
  const [firstSection] = principal.kind === 'employee' ? consoleSectionsFor(principal.role) : [];
  return firstSection?.url ?? '/pages/home/index';
}

/** The console's sign-in for managers and admins; in demo mode, one-click logins for every role. */
export default function ConsoleLoginPage() {
  const [account, setAccount] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [demoAccounts, setDemoAccounts] = useState<DemoAccount[] | null>(null);

  useEffect(() => {
    fetchDemoAccounts()
      .then(setDemoAccounts)
      .catch(() => setDemoAccounts(null));
  }, []);

  const signIn = async (login: () => Promise<LoginResponse>) => {
    // Not `disabled`: Taro's H5 button greys out on any disabled attribute, even disabled="false".
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const session = await login();
      await Taro.reLaunch({ url: landingUrl(session) });
    } catch (failure) {
      setError(failureMessage(failure, '登录失败，请稍后再试'));
    } finally {
      setBusy(false);
    }
  };

  const submit = () => {
    if (!account.trim() || !password) {
      setError('请输入账号和密码');
      return;
    }
    void signIn(() => passwordLogin({ account: account.trim(), password }));
  };

  return (
    <View className="page console-login">
      <View className="console-login__brand">
        <Text className="console-login__logo">名</Text>
        <Text className="console-login__product">智能名片 · 管理后台</Text>
        <Text className="console-login__tagline">全员营销，每一次分享都有回响</Text>
      </View>

      <View className="console-login__panel">
        <Text className="console-login__label">账号</Text>
        <Input
          className="console-login__input"
          type="text"
          placeholder="请输入邮箱账号"
          value={account}
          onInput={(event) => setAccount(event.detail.value)}
        />
        <Text className="console-login__label">密码</Text>
        <Input
          className="console-login__input"
          password
          placeholder="请输入密码"
          value={password}
          onInput={(event) => setPassword(event.detail.value)}
          onConfirm={submit}
        />
        {error ? <Text className="console-login__error">{error}</Text> : null}
        <Button className="console-login__submit" loading={busy} onClick={submit}>
          登录
        </Button>
      </View>

      {demoAccounts && demoAccounts.length > 0 ? (
        <View className="console-login__panel">
          <Text className="console-login__demo-title">演示账号 · 一键登录</Text>
          <Text className="console-login__demo-hint">演示模式下可直接以任意角色体验</Text>
          {demoAccounts.map((demo) => (
            <View
              key={demo.employeeId}
              className="console-login__demo"
              onClick={() => void signIn(() => demoLogin(demo.employeeId))}
            >
              <View className="console-login__demo-avatar">
                <Text>{demo.name.slice(0, 1)}</Text>
              </View>
              <View className="console-login__demo-who">
                <Text className="console-login__demo-name">{demo.name}</Text>
                <Text className="console-login__demo-title-line">
                  {[demo.title, demo.departmentName].filter(Boolean).join(' · ')}
                </Text>
              </View>
              <RoleBadge role={demo.role} />
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
