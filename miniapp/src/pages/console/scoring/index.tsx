import { Input, Text, View } from '@tarojs/components';
import type { HandoffSettings, RescoreProgress, ScoringConfig, SignalRule } from '@cardhub/shared';
import { useEffect, useState } from 'react';
import ConsoleLayout from '../../../components/ConsoleLayout';
import ProgressBar from '../../../components/ProgressBar';
import { ApiError } from '../../../services/request';
import {
  fetchHandoffSettings,
  fetchScoringConfig,
  saveHandoffSettings,
  saveScoringConfig,
} from '../../../services/scoring';
import { signalText } from './signal-text';
import './index.scss';

/** How often the re-score's progress is asked for while it runs. */
const POLL_MS = 1000;

/** The server's field errors by path ("rules.2.points"), with its message when no field is named. */
interface Errors {
  message: string | null;
  fields: Record<string, string>;
}
const NO_ERRORS: Errors = { message: null, fields: {} };

function errorsOf(error: unknown): Errors {
  if (!(error instanceof ApiError)) return { message: '保存失败，请稍后重试', fields: {} };
  const fields = Object.fromEntries((error.body.fields ?? []).map((field) => [field.path, field.message]));
  return { message: error.message, fields };
}

interface NumberBoxProps {
  value: number | undefined;
  editable: boolean;
  error?: string;
  onChange: (value: number | undefined) => void;
}

/** A number an admin types and a manager reads; empty means "not set". */
function NumberBox({ value, editable, error, onChange }: NumberBoxProps) {
  return (
    <View className="scoring__number">
      {editable ? (
        <Input
          className={`scoring__input${error ? ' scoring__input--invalid' : ''}`}
          type="digit"
          value={value === undefined ? '' : String(value)}
          onInput={(event) => onChange(event.detail.value === '' ? undefined : Number(event.detail.value))}
        />
      ) : (
        <Text className="scoring__value">{value ?? '—'}</Text>
      )}
      {error && <Text className="scoring__error">{error}</Text>}
    </View>
  );
}

/** 评分规则: managers read the organization's scoring rules and hand-off deadlines, admins change them. */
export default function ConsoleScoringPage() {
  return (
    <ConsoleLayout active="scoring" title="评分规则">
      {(principal) => <ScoringEditor editable={principal.role === 'admin'} />}
    </ConsoleLayout>
  );
}

function ScoringEditor({ editable }: { editable: boolean }) {
  const [config, setConfig] = useState<ScoringConfig | null>(null);
  const [handoff, setHandoff] = useState<HandoffSettings | null>(null);
  const [errors, setErrors] = useState<Errors>(NO_ERRORS);
  const [handoffErrors, setHandoffErrors] = useState<Errors>(NO_ERRORS);
  const [progress, setProgress] = useState<RescoreProgress | null>(null);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    void fetchScoringConfig().then((response) => {
      setConfig(response.config);
      setProgress(response.rescore);
    });
    void fetchHandoffSettings().then((response) => setHandoff(response.settings));
  }, []);

  const running = progress?.status === 'running';
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => {
      void fetchScoringConfig().then((response) => setProgress(response.rescore));
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running]);

  if (!config || !handoff) return <Text className="scoring__hint">加载中…</Text>;

  const change = (patch: Partial<ScoringConfig>) => setConfig({ ...config, ...patch });
  const changeRule = (index: number, patch: Partial<ScoringConfig['rules'][number]>) =>
    change({ rules: config.rules.map((rule, at) => (at === index ? { ...rule, ...patch } : rule)) });
  const changeSignal = (index: number, patch: Partial<SignalRule>) =>
    change({
      signals: config.signals.map((signal, at) => (at === index ? { ...signal, ...patch } : signal)),
    });
  const changeStep = (index: number, stepIndex: number, atLeast: number | undefined) => {
    const steps = config.signals[index]!.steps.map((step, at) =>
      at === stepIndex ? { ...step, atLeast: atLeast as number } : step,
    );
    changeSignal(index, { steps });
  };

  const save = async () => {
    setSaving(true);
    setErrors(NO_ERRORS);
    setNotice(null);
    try {
      const response = await saveScoringConfig(config);
      setConfig(response.config);
      setProgress(response.rescore);
      setNotice('已保存，正在按新规则重新评分');
    } catch (error) {
      setErrors(errorsOf(error));
    } finally {
      setSaving(false);
    }
  };
  const saveHandoff = async () => {
    setHandoffErrors(NO_ERRORS);
    try {
      setHandoff((await saveHandoffSettings(handoff)).settings);
      setNotice('交接时限已保存');
    } catch (error) {
      setHandoffErrors(errorsOf(error));
    }
  };

  const field = (path: string) => errors.fields[path];
  const number = (value: number | undefined) => value as number;

  return (
    <View className="scoring">
      {!editable && <Text className="scoring__hint">只有管理员可以修改规则，经理可查看。</Text>}
      {notice && <Text className="scoring__notice">{notice}</Text>}
      {progress && (
        <View className="console-panel scoring__progress">
          <ProgressBar
            label={
              progress.status === 'running'
                ? '重新评分中'
                : progress.status === 'done'
                  ? '重新评分完成'
                  : '重新评分失败'
            }
            done={progress.processed}
            goal={progress.total}
          />
        </View>
      )}

      <View className="console-panel">
        <Text className="scoring__section">阈值与衰减</Text>
        <View className="scoring__grid">
          <Text className="scoring__label">MQL 阈值（分）</Text>
          <NumberBox
            value={config.mqlThreshold}
            editable={editable}
            error={field('mqlThreshold')}
            onChange={(value) => change({ mqlThreshold: number(value) })}
          />
          <Text className="scoring__label">SQL 阈值（分）</Text>
          <NumberBox
            value={config.sqlThreshold}
            editable={editable}
            error={field('sqlThreshold')}
            onChange={(value) => change({ sqlThreshold: number(value) })}
          />
          <Text className="scoring__label">半衰期（天）</Text>
          <NumberBox
            value={config.halfLifeDays}
            editable={editable}
            error={field('halfLifeDays')}
            onChange={(value) => change({ halfLifeDays: number(value) })}
          />
        </View>
      </View>

      <View className="console-panel">
        <Text className="scoring__section">加分规则</Text>
        <View className="console-table">
          <View className="console-table__row console-table__row--head">
            <Text className="console-table__cell scoring__rule-name">行为</Text>
            <Text className="console-table__cell">分值</Text>
            <Text className="console-table__cell">每日上限</Text>
            {editable && <Text className="console-table__cell" />}
          </View>
          {config.rules.map((rule, index) => (
            <View key={rule.id} className="console-table__row scoring__rule">
              <Text className="console-table__cell scoring__rule-name">{rule.label}</Text>
              <View className="console-table__cell">
                <NumberBox
                  value={rule.points}
                  editable={editable}
                  error={field(`rules.${index}.points`)}
                  onChange={(value) => changeRule(index, { points: number(value) })}
                />
              </View>
              <View className="console-table__cell">
                <NumberBox
                  value={rule.maxPerDay}
                  editable={editable}
                  error={field(`rules.${index}.maxPerDay`)}
                  onChange={(value) => changeRule(index, { maxPerDay: value })}
                />
              </View>
              {editable && (
                <View className="console-table__cell">
                  <Text
                    className="console-button console-button--danger"
                    onClick={() => change({ rules: config.rules.filter((_, at) => at !== index) })}
                  >
                    停用
                  </Text>
                </View>
              )}
            </View>
          ))}
        </View>
      </View>

      <View className="console-panel">
        <Text className="scoring__section">意向信号</Text>
        {config.signals.map((signal, index) => (
          <View key={signal.id} className="scoring__signal">
            <Text className="scoring__signal-label">{signal.label}</Text>
            <Text className="scoring__signal-text">{signalText(signal, config.rules)}</Text>
            {editable && (
              <View className="scoring__signal-edit">
                <Text className="scoring__label">时间窗（分钟）</Text>
                <NumberBox
                  value={signal.windowMinutes}
                  editable
                  error={field(`signals.${index}.windowMinutes`)}
                  onChange={(value) => changeSignal(index, { windowMinutes: number(value) })}
                />
                {signal.steps.map((step, stepIndex) => (
                  <View key={stepIndex} className="scoring__step">
                    <Text className="scoring__label">第 {stepIndex + 1} 步至少（次）</Text>
                    <NumberBox
                      value={step.atLeast}
                      editable
                      error={field(`signals.${index}.steps.${stepIndex}.atLeast`)}
                      onChange={(value) => changeStep(index, stepIndex, value)}
                    />
                  </View>
                ))}
                <Text className="scoring__label">提升到</Text>
                <View className="scoring__choices">
                  {(['mql', 'sql', undefined] as const).map((stage) => (
                    <Text
                      key={stage ?? 'none'}
                      className={`scoring__choice${signal.raiseTo === stage ? ' scoring__choice--on' : ''}`}
                      onClick={() => changeSignal(index, { raiseTo: stage })}
                    >
                      {stage ? stage.toUpperCase() : '不提升'}
                    </Text>
                  ))}
                </View>
                <Text className="scoring__label">标签</Text>
                <View className="scoring__number">
                  <Input
                    className="scoring__input scoring__input--text"
                    value={signal.tag}
                    onInput={(event) => changeSignal(index, { tag: event.detail.value })}
                  />
                  {field(`signals.${index}.tag`) && (
                    <Text className="scoring__error">{field(`signals.${index}.tag`)}</Text>
                  )}
                </View>
              </View>
            )}
          </View>
        ))}
      </View>

      {editable && (
        <View className="scoring__actions">
          {errors.message && <Text className="scoring__error">{errors.message}</Text>}
          <Text className="console-button" onClick={() => !saving && !running && void save()}>
            {running ? '重新评分中…' : '保存并重新评分'}
          </Text>
        </View>
      )}

      <View className="console-panel">
        <Text className="scoring__section">交接时限</Text>
        <View className="scoring__grid">
          <Text className="scoring__label">SQL 线索未跟进提醒负责人（小时）</Text>
          <NumberBox
            value={handoff.sqlFollowUpHours}
            editable={editable}
            error={handoffErrors.fields.sqlFollowUpHours}
            onChange={(value) => setHandoff({ ...handoff, sqlFollowUpHours: number(value) })}
          />
          <Text className="scoring__label">分配后未跟进退回公海（天）</Text>
          <NumberBox
            value={handoff.returnToPoolDays}
            editable={editable}
            error={handoffErrors.fields.returnToPoolDays}
            onChange={(value) => setHandoff({ ...handoff, returnToPoolDays: number(value) })}
          />
        </View>
        <Text className="scoring__hint">
          跟进指负责人写跟进记录或变更阶段；提醒与退回都会记入线索的历史。
        </Text>
        {editable && (
          <View className="scoring__actions">
            {handoffErrors.message && <Text className="scoring__error">{handoffErrors.message}</Text>}
            <Text className="console-button console-button--secondary" onClick={() => void saveHandoff()}>
              保存交接时限
            </Text>
          </View>
        )}
      </View>
    </View>
  );
}
