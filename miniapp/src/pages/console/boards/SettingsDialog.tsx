import {
  CREDIT_SPLITS,
  CREDIT_SPLIT_LABELS,
  type BoardSettings,
  type CreditSplit,
  type RebuildProgress,
} from '@cardhub/shared';
import { useEffect, useState } from 'react';
import ConsoleDialog from '../../../components/ConsoleDialog';
import ProgressBar from '../../../components/ProgressBar';
import { fetchBoardSettings, fetchRebuildStatus, saveBoardSettings } from '../../../services/boards';
import { failureMessage } from '../../../services/request';

/** Time zones an organization in or near China would pick; the saved one is always offered too. */
const TIME_ZONES = [
  { id: 'Asia/Shanghai', label: '北京时间（Asia/Shanghai）' },
  { id: 'Asia/Hong_Kong', label: '香港时间（Asia/Hong_Kong）' },
  { id: 'Asia/Taipei', label: '台北时间（Asia/Taipei）' },
  { id: 'Asia/Singapore', label: '新加坡时间（Asia/Singapore）' },
  { id: 'Asia/Tokyo', label: '东京时间（Asia/Tokyo）' },
  { id: 'Europe/London', label: '伦敦时间（Europe/London）' },
  { id: 'America/Los_Angeles', label: '洛杉矶时间（America/Los_Angeles）' },
];

const CREDIT_SPLIT_DETAILS: Record<CreditSplit, string> = {
  root: '转发链路带来的浏览、访客和线索，全部计入最初分享的员工',
  chain: '链路上转发过的员工与发起员工平分功劳，排行榜上可能出现一位小数',
};

const POLL_MS = 1500;

/** Admins: the boards' time zone and how chain credit is split; a change recomputes the figures, with progress. */
export default function SettingsDialog({
  onClose,
  onRebuilt,
}: {
  onClose: () => void;
  onRebuilt: () => void;
}) {
  const [saved, setSaved] = useState<BoardSettings | null>(null);
  const [draft, setDraft] = useState<BoardSettings | null>(null);
  const [rebuild, setRebuild] = useState<RebuildProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    fetchBoardSettings()
      .then(({ rebuild: progress, ...settings }) => {
        setSaved(settings);
        setDraft(settings);
        setRebuild(progress);
      })
      .catch((failure: unknown) => setError(failureMessage(failure, '加载失败')));
  }, []);

  // While a rebuild runs, follow it; when it ends the boards reload with the new figures.
  const running = rebuild?.state === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      fetchRebuildStatus()
        .then((status) => {
          setRebuild(status);
          if (status.state === 'idle') onRebuilt();
        })
        .catch(() => undefined);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, onRebuilt]);

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    try {
      const { rebuild: progress, ...settings } = await saveBoardSettings(draft);
      setSaved(settings);
      setRebuild(progress);
      setError(null);
    } catch (failure) {
      setError(failureMessage(failure, '保存失败，请重试'));
    } finally {
      setSaving(false);
    }
  };

  const changed =
    !!draft && !!saved && (draft.timeZone !== saved.timeZone || draft.creditSplit !== saved.creditSplit);
  const zones = TIME_ZONES.some((zone) => zone.id === draft?.timeZone)
    ? TIME_ZONES
    : [...TIME_ZONES, ...(draft ? [{ id: draft.timeZone, label: draft.timeZone }] : [])];

  return (
    <ConsoleDialog
      title="统计设置"
      subtitle="修改后会按新规则重新计算全部排行和看板数据"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="console-button console-button--secondary" onClick={onClose}>
            关闭
          </button>
          <button
            type="button"
            className="console-button"
            disabled={!changed || saving || running}
            onClick={() => void save()}
          >
            {saving ? '保存中…' : '保存并重算'}
          </button>
        </>
      }
    >
      {draft && (
        <div className="board-settings">
          <label className="board-settings__field">
            <span className="board-settings__label">统计时区</span>
            <span className="board-settings__hint">“今日”“本周”按这个时区的日历划分</span>
            <select
              className="board-controls__control board-settings__select"
              aria-label="统计时区"
              value={draft.timeZone}
              onChange={(event) => setDraft({ ...draft, timeZone: event.target.value })}
            >
              {zones.map((zone) => (
                <option key={zone.id} value={zone.id}>
                  {zone.label}
                </option>
              ))}
            </select>
          </label>
          <div className="board-settings__field" role="radiogroup" aria-label="转发功劳">
            <span className="board-settings__label">转发功劳</span>
            {CREDIT_SPLITS.map((split) => (
              <label
                key={split}
                className={`board-settings__option${draft.creditSplit === split ? ' board-settings__option--active' : ''}`}
              >
                <input
                  type="radio"
                  name="credit-split"
                  checked={draft.creditSplit === split}
                  onChange={() => setDraft({ ...draft, creditSplit: split })}
                />
                <span className="board-settings__option-text">
                  <strong>{CREDIT_SPLIT_LABELS[split]}</strong>
                  <span>{CREDIT_SPLIT_DETAILS[split]}</span>
                </span>
              </label>
            ))}
          </div>
        </div>
      )}
      {rebuild && rebuild.state !== 'idle' && (
        <div className={`board-settings__rebuild board-settings__rebuild--${rebuild.state}`}>
          <span className="board-settings__label">
            {rebuild.state === 'running'
              ? `正在重新计算… ${rebuild.processed} / ${rebuild.total}`
              : '重新计算失败，请稍后再保存一次'}
          </span>
          <ProgressBar done={rebuild.processed} goal={Math.max(1, rebuild.total)} celebrate={false} />
        </div>
      )}
      {rebuild?.state === 'idle' && rebuild.finishedAt && saved && !changed && (
        <p className="board-settings__done">数据已按当前设置计算完成</p>
      )}
      {error && <p className="board-settings__error">{error}</p>}
    </ConsoleDialog>
  );
}
