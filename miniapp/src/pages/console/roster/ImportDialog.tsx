import { Text, View } from '@tarojs/components';
import { EMPLOYEE_IMPORT_COLUMNS, type EmployeeImportDto } from '@cardhub/shared';
import { useEffect, useRef, useState } from 'react';
import ConsoleDialog from '../../../components/ConsoleDialog';
import { failureMessage } from '../../../services/request';
import { IMPORT_TEMPLATE_URL, fetchEmployeeImport, startEmployeeImport } from '../../../services/roster';

/** How often a running import is asked for its progress. */
export const IMPORT_POLL_MS = 500;

type ImportState =
  | { step: 'choose'; file: File | null; error: string | null }
  | { step: 'uploading'; file: File }
  | { step: 'running' | 'finished'; file: File; job: EmployeeImportDto };

export interface ImportDialogProps {
  /** The import added or changed people (the roster reloads). */
  onImported: () => void;
  onClose: () => void;
}

const COUNTS = [
  ['created', '新增'],
  ['updated', '更新'],
  ['unchanged', '无变化'],
  ['failed', '有错误'],
] as const;

/** Bulk import: pick a CSV or xlsx file, watch the progress, then see the counts and each bad row. */
export default function ImportDialog({ onImported, onClose }: ImportDialogProps) {
  const [state, setState] = useState<ImportState>({ step: 'choose', file: null, error: null });
  const input = useRef<HTMLInputElement>(null);

  const jobId = state.step === 'running' ? state.job.id : null;
  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    const poll = async () => {
      try {
        const job = await fetchEmployeeImport(jobId);
        if (stopped) return;
        setState((current) =>
          'file' in current && current.file
            ? { step: job.status === 'running' ? 'running' : 'finished', file: current.file, job }
            : current,
        );
        if (job.status === 'running') timer = setTimeout(poll, IMPORT_POLL_MS);
        else if (job.created + job.updated > 0) onImported();
      } catch {
        if (!stopped) timer = setTimeout(poll, IMPORT_POLL_MS * 2);
      }
    };
    let timer = setTimeout(poll, IMPORT_POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId, onImported]);

  const start = async () => {
    if (state.step !== 'choose') return;
    if (!state.file) return setState({ ...state, error: '请先选择要导入的文件' });
    const file = state.file;
    setState({ step: 'uploading', file });
    try {
      const job = await startEmployeeImport(file);
      setState({ step: 'running', file, job });
    } catch (failure) {
      setState({
        step: 'choose',
        file,
        error: failureMessage(failure, '上传失败，请稍后再试'),
      });
    }
  };

  const footer =
    state.step === 'finished' ? (
      <>
        <Text
          className="console-button console-button--secondary"
          onClick={() => setState({ step: 'choose', file: null, error: null })}
        >
          再导入一个文件
        </Text>
        <Text className="console-button" onClick={onClose}>
          完成
        </Text>
      </>
    ) : state.step === 'choose' ? (
      <>
        <Text className="console-button console-button--secondary" onClick={onClose}>
          取消
        </Text>
        <Text className="console-button" onClick={start}>
          开始导入
        </Text>
      </>
    ) : (
      <Text className="roster-import__hint">导入在服务器上进行，关闭窗口也不会中断</Text>
    );

  return (
    <ConsoleDialog
      title="批量导入员工"
      subtitle="支持 CSV 和 Excel（.xlsx），单个文件不超过 2 MB"
      onClose={onClose}
      footer={footer}
      wide
    >
      {state.step === 'choose' && (
        <View className="roster-import">
          <View className="roster-import__guide">
            <Text className="roster-import__guide-title">文件格式</Text>
            <Text className="roster-import__guide-text">
              第一行是表头：{Object.values(EMPLOYEE_IMPORT_COLUMNS).join('、')}
              。姓名必填，手机号和邮箱至少填一项；部门写完整路径，如「销售部/华东组」，不存在的部门会自动创建；角色填
              员工、经理 或
              管理员（默认员工）。已有员工按手机号（其次邮箱）匹配并更新，空白单元格保留原值；重复导入同一文件不会产生变化。
            </Text>
            <a className="roster-import__template" href={IMPORT_TEMPLATE_URL} download="员工导入模板.csv">
              下载导入模板（CSV）
            </a>
          </View>
          <View className="roster-import__drop" onClick={() => input.current?.click()}>
            <Text className="roster-import__drop-icon">⇪</Text>
            <Text className="roster-import__drop-title">{state.file ? state.file.name : '点击选择文件'}</Text>
            <Text className="roster-import__drop-hint">
              {state.file ? `${(state.file.size / 1024).toFixed(1)} KB · 点击更换` : '.csv 或 .xlsx'}
            </Text>
          </View>
          <input
            ref={input}
            className="roster-import__input"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label="选择导入文件"
            onChange={(event) =>
              setState({ step: 'choose', file: event.target.files?.[0] ?? null, error: null })
            }
          />
          {state.error && <Text className="console-dialog__error">{state.error}</Text>}
        </View>
      )}

      {(state.step === 'uploading' || state.step === 'running') && (
        <Progress
          label={state.step === 'uploading' ? `正在上传 ${state.file.name}…` : `正在导入 ${state.file.name}`}
          job={state.step === 'running' ? state.job : null}
        />
      )}

      {state.step === 'finished' && <ImportResult job={state.job} />}
    </ConsoleDialog>
  );
}

function Progress({ label, job }: { label: string; job: EmployeeImportDto | null }) {
  const percent = job && job.total > 0 ? Math.round((job.processed / job.total) * 100) : 0;
  return (
    <View className="roster-import__progress">
      <Text className="roster-import__progress-label">{label}</Text>
      <View
        className="roster-progress"
        role="progressbar"
        aria-valuenow={percent}
        aria-valuemin={0}
        aria-valuemax={100}
      >
        <View className="roster-progress__bar" style={{ width: `${percent}%` }} />
      </View>
      <Text className="roster-import__progress-count">
        {job ? `已处理 ${job.processed} / ${job.total} 行（${percent}%）` : '上传中…'}
      </Text>
    </View>
  );
}

function ImportResult({ job }: { job: EmployeeImportDto }) {
  const hidden = job.failed - job.errors.length;
  return (
    <View className="roster-import__result">
      <Text
        className={`roster-import__verdict${job.status === 'failed' ? ' roster-import__verdict--failed' : job.failed > 0 ? ' roster-import__verdict--partial' : ''}`}
      >
        {job.status === 'failed'
          ? (job.failure ?? '导入中断')
          : job.failed > 0
            ? `导入完成：${job.total} 行中 ${job.total - job.failed} 行成功，${job.failed} 行有错误未导入`
            : `导入完成：${job.total} 行全部成功`}
      </Text>
      <View className="roster-import__counts">
        {COUNTS.map(([key, label]) => (
          <View key={key} className={`roster-import__count roster-import__count--${key}`}>
            <Text className="roster-import__count-value">{job[key]}</Text>
            <Text className="roster-import__count-label">{label}</Text>
          </View>
        ))}
      </View>
      {job.errors.length > 0 && (
        <View className="roster-import__errors">
          <Text className="roster-import__errors-title">
            以下行未导入，请修改后重新导入整个文件（已导入的行不会重复）
          </Text>
          <View className="console-table">
            <View className="console-table__row console-table__row--head">
              <Text className="console-table__cell roster-import__line">行号</Text>
              <Text className="console-table__cell console-table__cell--wide">原因</Text>
            </View>
            {job.errors.map((error) => (
              <View key={error.line} className="console-table__row">
                <Text className="console-table__cell roster-import__line">第 {error.line} 行</Text>
                <Text className="console-table__cell console-table__cell--wide roster-import__reason">
                  {error.message}
                </Text>
              </View>
            ))}
          </View>
          {hidden > 0 && <Text className="roster-import__more">另有 {hidden} 行错误未列出</Text>}
        </View>
      )}
    </View>
  );
}
