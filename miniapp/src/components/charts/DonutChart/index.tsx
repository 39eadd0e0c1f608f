import { useState } from 'react';
import { formatFigure, formatRate } from '../../../utils/boardFormat';
import './index.scss';

export interface DonutSegment {
  key: string;
  label: string;
  value: number;
  color: string;
  /** A second figure for the legend (e.g. the shares behind a channel's views). */
  detail?: string;
}

const SIZE = 168;
const STROKE = 26;
const RADIUS = (SIZE - STROKE) / 2;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/**
 * Parts of a whole as an SVG ring with a legend of figures and shares; hovering or tapping a part (or its legend
 * row) shows it in the middle. An all-zero whole draws an empty grey ring.
 */
export default function DonutChart({ segments, unit }: { segments: DonutSegment[]; unit: string }) {
  const [picked, setPicked] = useState<string | null>(null);
  const total = segments.reduce((sum, segment) => sum + segment.value, 0);
  const shown = segments.find((segment) => segment.key === picked);
  let offset = 0;
  return (
    <div className="donut-chart">
      <svg
        className="donut-chart__ring"
        width={SIZE}
        height={SIZE}
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="img"
        aria-label="渠道占比"
        onMouseLeave={() => setPicked(null)}
      >
        <circle cx={SIZE / 2} cy={SIZE / 2} r={RADIUS} fill="none" stroke="#f0f1f3" strokeWidth={STROKE} />
        {total > 0 &&
          segments.map((segment) => {
            const length = (segment.value / total) * CIRCUMFERENCE;
            const dash = (
              <circle
                key={segment.key}
                className="donut-chart__part"
                cx={SIZE / 2}
                cy={SIZE / 2}
                r={RADIUS}
                fill="none"
                stroke={segment.color}
                strokeWidth={picked === segment.key ? STROKE + 6 : STROKE}
                strokeDasharray={`${length} ${CIRCUMFERENCE - length}`}
                strokeDashoffset={-offset}
                transform={`rotate(-90 ${SIZE / 2} ${SIZE / 2})`}
                onMouseEnter={() => setPicked(segment.key)}
                onClick={() => setPicked(segment.key)}
              />
            );
            offset += length;
            return dash;
          })}
        <text
          x={SIZE / 2}
          y={SIZE / 2 - 8}
          textAnchor="middle"
          fontSize={12}
          className="donut-chart__caption"
        >
          {shown ? shown.label : '合计'}
        </text>
        <text x={SIZE / 2} y={SIZE / 2 + 16} textAnchor="middle" fontSize={22} className="donut-chart__total">
          {formatFigure(shown ? shown.value : total)}
        </text>
      </svg>
      <div className="donut-chart__legend">
        {segments.map((segment) => (
          <div
            key={segment.key}
            className={`donut-chart__row${picked === segment.key ? ' donut-chart__row--picked' : ''}`}
            onMouseEnter={() => setPicked(segment.key)}
            onMouseLeave={() => setPicked(null)}
          >
            <span className="donut-chart__swatch" style={{ background: segment.color }} />
            <span className="donut-chart__label">{segment.label}</span>
            {segment.detail && <span className="donut-chart__detail">{segment.detail}</span>}
            <span className="donut-chart__value">
              {formatFigure(segment.value)}
              <span className="donut-chart__unit">{unit}</span>
            </span>
            <span className="donut-chart__share">{total > 0 ? formatRate(segment.value / total) : '—'}</span>
          </div>
        ))}
      </div>
    </div>
  );
}
