import { useState } from 'react';
import { failureMessage } from '../../services/request';
import './index.scss';

export type ExportFormat = 'csv' | 'xlsx';

/**
 * 导出 CSV / 导出 Excel for what a console page shows: both wait while one download runs, and a failure is
 * reported through `onError` in words a manager can act on.
 */
export default function ExportButtons({
  download,
  onError,
}: {
  download: (format: ExportFormat) => Promise<void>;
  onError: (message: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  const run = async (format: ExportFormat) => {
    setBusy(true);
    try {
      await download(format);
    } catch (failure) {
      onError(failureMessage(failure, '导出失败，请重试'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="export-buttons">
      {(['csv', 'xlsx'] as const).map((format) => (
        <button
          key={format}
          type="button"
          className="console-button console-button--secondary export-buttons__button"
          disabled={busy}
          onClick={() => void run(format)}
        >
          {format === 'csv' ? '导出 CSV' : '导出 Excel'}
        </button>
      ))}
    </span>
  );
}
