import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditLogResponse,
  type RetentionSettings,
} from '@cardhub/shared';
import { useEffect, useState } from 'react';
import ConsoleLayout from '../../../components/ConsoleLayout';
import ConsolePager from '../../../components/ConsolePager';
import { getRetentionSettings, listAuditLog, saveRetentionSettings } from '../../../services/privacy';
import { ApiError } from '../../../services/request';
import './index.scss';

const PAGE_SIZE = 20;
/** What the details of audited acts are called; other keys (an export's filters) show as they are. */
const DETAIL_LABELS: Record<string, string> = {
  format: '格式',
  rows: '行数',
  fromEmployeeId: '原负责人',
  toEmployeeId: '新负责人',
  reason: '原因',
  events: '行为记录',
  identities: '删除身份标识',
  consents: '删除同意记录',
  eventsUnlinked: '匿名化行为',
  followUps: '删除跟进记录',
  leadAnonymised: '线索匿名化',
  visitorsErased: '删除访客',
  eventsStripped: '清理行为记录',
  inactiveVisitorDays: '访客保存天数',
  rawEventDays: '原始记录保存天数',
};
const UNATTENDED_ACTORS: Record<string, string> = { visitor: '访客本人', retention: '系统（到期清除）' };

/** 隐私合规 (admins, H5 only): how long personal data is kept, and the audit log of who did what with it. */
export default function ConsolePrivacyPage() {
  return (
    <ConsoleLayout active="privacy" title="隐私合规">
      {() => (
        <div className="privacy-admin">
          <RetentionPanel />
          <AuditLogPanel />
        </div>
      )}
    </ConsoleLayout>
  );
}

function RetentionPanel() {
  const [settings, setSettings] = useState<RetentionSettings | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    getRetentionSettings().then(
      (response) => setSettings(response.settings),
      () => setMessage('加载失败，请刷新重试'),
    );
  }, []);

  const save = async () => {
    if (!settings) return;
    try {
      setSettings((await saveRetentionSettings(settings)).settings);
      setMessage('已保存，每小时按新的期限清除');
    } catch (failure) {
      setMessage(
        failure instanceof ApiError ? `${failure.message}（天数须在 7–3650 之间）` : '保存失败，请重试',
      );
    }
  };

  const field = (key: keyof RetentionSettings, label: string) => (
    <label className="privacy-admin__field">
      <span>{label}</span>
      <input
        className="privacy-admin__number"
        type="number"
        min={7}
        max={3650}
        value={settings?.[key] ?? ''}
        onChange={(event) => settings && setSettings({ ...settings, [key]: Number(event.target.value) })}
      />
      <span>天</span>
    </label>
  );

  return (
    <div className="console-panel">
      <div className="privacy-admin__heading">保存期限</div>
      <div className="privacy-admin__hint">
        超过期限的个人信息由定时任务删除，与本人申请删除的方式相同：统计数字不变，但无法再关联到个人。
      </div>
      {settings ? (
        <div className="privacy-admin__fields">
          {field('inactiveVisitorDays', '访客连续未访问超过')}
          {field('rawEventDays', '浏览记录中的设备信息和表单内容保留')}
        </div>
      ) : null}
      <div className="privacy-admin__actions">
        {message ? <span className="privacy-admin__message">{message}</span> : null}
        <button type="button" className="console-button" onClick={() => void save()}>
          保存
        </button>
      </div>
    </div>
  );
}

function AuditLogPanel() {
  const [action, setAction] = useState<AuditAction | ''>('');
  const [page, setPage] = useState(1);
  const [log, setLog] = useState<AuditLogResponse | null>(null);

  useEffect(() => {
    listAuditLog({ page, limit: PAGE_SIZE, ...(action ? { action } : {}) }).then(setLog, () => setLog(null));
  }, [action, page]);

  const pages = Math.max(1, Math.ceil((log?.total ?? 0) / PAGE_SIZE));
  return (
    <div className="console-panel">
      <div className="privacy-admin__heading">审计日志</div>
      <div className="privacy-admin__filters">
        <select
          className="privacy-admin__select"
          value={action}
          onChange={(event) => {
            setAction(event.target.value as AuditAction | '');
            setPage(1);
          }}
        >
          <option value="">全部操作</option>
          {AUDIT_ACTIONS.map((key) => (
            <option key={key} value={key}>
              {AUDIT_ACTION_LABELS[key]}
            </option>
          ))}
        </select>
        <span className="privacy-admin__hint">共 {log?.total ?? 0} 条，最新在前</span>
      </div>
      <div className="console-table">
        <div className="console-table__row console-table__row--head">
          <span className="console-table__cell">时间</span>
          <span className="console-table__cell">操作人</span>
          <span className="console-table__cell">操作</span>
          <span className="console-table__cell console-table__cell--wide">对象与详情</span>
        </div>
        {log?.items.map((entry) => (
          <div key={entry.id} className="console-table__row">
            <span className="console-table__cell">
              {new Date(entry.at).toLocaleString('zh-CN', { hour12: false })}
            </span>
            <span className="console-table__cell">
              {entry.employee?.name ?? UNATTENDED_ACTORS[String(entry.detail.by)] ?? '—'}
            </span>
            <span className="console-table__cell">{AUDIT_ACTION_LABELS[entry.action]}</span>
            <span
              className="console-table__cell console-table__cell--wide"
              title={describe(entry.target, entry.detail)}
            >
              {describe(entry.target, entry.detail)}
            </span>
          </div>
        ))}
      </div>
      {log && log.items.length === 0 ? <div className="privacy-admin__hint">没有记录</div> : null}
      <ConsolePager page={page} pages={pages} onPage={setPage} />
    </div>
  );
}

function describe(target: string, detail: Record<string, string | number | boolean | null>): string {
  const facts = Object.entries(detail)
    .filter(([key]) => key !== 'by')
    .map(
      ([key, value]) =>
        `${DETAIL_LABELS[key] ?? key}：${value === true ? '是' : value === false ? '否' : String(value)}`,
    );
  return [target, ...facts].join(' · ');
}
