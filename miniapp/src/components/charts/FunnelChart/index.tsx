import type { FunnelStep } from '@cardhub/shared';
import { formatFigure, formatRate } from '../../../utils/boardFormat';
import './index.scss';

const STAGE_HINTS: Record<FunnelStep['stage'], string> = {
  reach: '打开分享的独立访客',
  act: '浏览之外有点击、转发、咨询或留资',
  convert: '新增线索',
  engage: '成交客户',
};

/**
 * Reach → Act → Convert → Engage as narrowing bars (width relative to the reach, never thinner than a sliver so a
 * small stage stays visible; an empty one has no bar), with the step-to-step conversion rate between them and the overall rate at the end.
 */
export default function FunnelChart({ steps }: { steps: FunnelStep[] }) {
  const reach = steps[0]?.value ?? 0;
  const last = steps[steps.length - 1];
  return (
    <div className="funnel-chart">
      {steps.map((step, index) => (
        <div key={step.stage} className="funnel-chart__step">
          {index > 0 && (
            <div className="funnel-chart__rate">
              <span className="funnel-chart__arrow">↓</span>
              转化率 <strong>{formatRate(step.rate)}</strong>
            </div>
          )}
          <div className={`funnel-chart__row funnel-chart__row--${step.stage}`}>
            <div className="funnel-chart__label">
              <span className="funnel-chart__name">{step.label}</span>
              <span className="funnel-chart__hint">{STAGE_HINTS[step.stage]}</span>
            </div>
            <div className="funnel-chart__track">
              <div
                className="funnel-chart__bar"
                style={{
                  width: `${reach > 0 && step.value > 0 ? Math.max(2, (step.value / reach) * 100) : 0}%`,
                }}
              />
            </div>
            <span className="funnel-chart__value">{formatFigure(step.value)}</span>
          </div>
        </div>
      ))}
      {last && steps.length > 1 && (
        <div className="funnel-chart__overall">
          触达到{last.label}整体转化 <strong>{reach > 0 ? formatRate(last.value / reach) : '—'}</strong>
        </div>
      )}
    </div>
  );
}
