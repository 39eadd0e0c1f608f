import { useId, useState } from 'react';
import { formatFigure } from '../../../utils/boardFormat';
import { axisLabel, niceTicks } from '../scale';
import { useElementWidth } from '../useElementWidth';
import './index.scss';

export interface TrendPointValue {
  /** `YYYY-MM-DD` */
  day: string;
  value: number;
}

export interface TrendChartProps {
  title: string;
  unit: string;
  color: string;
  points: TrendPointValue[];
  height?: number;
}

const MARGIN = { top: 14, right: 16, bottom: 28, left: 44 };
/** Day labels need about this much room each; the axis labels every n-th day to keep them apart. */
const LABEL_WIDTH = 44;

const shortDay = (day: string) => {
  const [, month, date] = day.split('-').map(Number);
  return `${month}/${date}`;
};

/**
 * A daily trend as an SVG area chart drawn at its real width: a round value axis with gridlines, day labels that
 * never collide, and the day under the pointer (hover, or tap on a phone) picked out with its value.
 */
export default function TrendChart({ title, unit, color, points, height = 200 }: TrendChartProps) {
  const [boxRef, width] = useElementWidth<HTMLDivElement>(560);
  const [picked, setPicked] = useState<number | null>(null);
  const gradientId = `trend-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;

  const total = points.reduce((sum, point) => sum + point.value, 0);
  const ticks = niceTicks(Math.max(0, ...points.map((point) => point.value)));
  const top = ticks[ticks.length - 1]!;
  const plotWidth = Math.max(40, width - MARGIN.left - MARGIN.right);
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const step = points.length > 1 ? plotWidth / (points.length - 1) : 0;
  const x = (index: number) => MARGIN.left + (points.length > 1 ? index * step : plotWidth / 2);
  const y = (value: number) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  const labelEvery = Math.max(1, Math.ceil((points.length * LABEL_WIDTH) / plotWidth));

  const last = points.length - 1;
  // Every n-th day, and the last one, unless it would crowd the n-th day before it.
  const showsLabel = (index: number) =>
    index === last || (index % labelEvery === 0 && last - index >= labelEvery);
  const line = points.map((point, index) => `${index ? 'L' : 'M'}${x(index)},${y(point.value)}`).join(' ');
  const area = points.length > 1 ? `${line} L${x(points.length - 1)},${y(0)} L${x(0)},${y(0)} Z` : '';
  const pick = (clientX: number, element: SVGSVGElement) => {
    if (points.length === 0) return;
    const offset = clientX - element.getBoundingClientRect().left - MARGIN.left;
    setPicked(Math.min(points.length - 1, Math.max(0, Math.round(step ? offset / step : 0))));
  };
  const shown = picked === null ? null : points[picked];

  return (
    <div className="trend-chart" ref={boxRef}>
      <div className="trend-chart__head">
        <span className="trend-chart__title">{title}</span>
        <span className="trend-chart__figure">
          {shown ? (
            <>
              <span className="trend-chart__day">{shortDay(shown.day)}</span>
              {formatFigure(shown.value)}
            </>
          ) : (
            <>
              <span className="trend-chart__day">合计</span>
              {formatFigure(total)}
            </>
          )}
          <span className="trend-chart__unit">{unit}</span>
        </span>
      </div>
      <svg
        className="trend-chart__svg"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${title}每日趋势`}
        fontSize={11}
        onMouseMove={(event) => pick(event.clientX, event.currentTarget)}
        onMouseLeave={() => setPicked(null)}
        onClick={(event) => pick(event.clientX, event.currentTarget)}
      >
        <defs>
          <linearGradient id={gradientId} x1="0" y1="0" x2="0" y2="1">
            <stop offset="0%" stopColor={color} stopOpacity={0.28} />
            <stop offset="100%" stopColor={color} stopOpacity={0.02} />
          </linearGradient>
        </defs>
        {ticks.map((tick) => (
          <g key={tick} className="trend-chart__grid">
            <line x1={MARGIN.left} x2={MARGIN.left + plotWidth} y1={y(tick)} y2={y(tick)} />
            <text x={MARGIN.left - 8} y={y(tick)} dy="0.32em" textAnchor="end">
              {axisLabel(tick)}
            </text>
          </g>
        ))}
        {points.map((point, index) =>
          showsLabel(index) ? (
            <text
              key={point.day}
              className="trend-chart__day-label"
              x={x(index)}
              y={height - 8}
              textAnchor={
                points.length === 1
                  ? 'middle'
                  : index === 0
                    ? 'start'
                    : index === points.length - 1
                      ? 'end'
                      : 'middle'
              }
            >
              {shortDay(point.day)}
            </text>
          ) : null,
        )}
        {area && <path d={area} fill={`url(#${gradientId})`} />}
        <path d={line} fill="none" stroke={color} strokeWidth={2} strokeLinejoin="round" />
        {points.length <= 31 &&
          points.map((point, index) => (
            <circle
              key={point.day}
              className="trend-chart__dot"
              cx={x(index)}
              cy={y(point.value)}
              r={picked === index ? 4.5 : 2.5}
              fill={picked === index ? color : '#fff'}
              stroke={color}
              strokeWidth={1.5}
            />
          ))}
        {shown && picked !== null && (
          <g className="trend-chart__guide">
            <line x1={x(picked)} x2={x(picked)} y1={MARGIN.top} y2={MARGIN.top + plotHeight} />
            <text
              x={x(picked)}
              y={Math.max(MARGIN.top + 10, y(shown.value) - 10)}
              textAnchor={picked > points.length / 2 ? 'end' : 'start'}
              dx={picked > points.length / 2 ? -6 : 6}
              fontSize={12}
            >
              {formatFigure(shown.value)}
            </text>
          </g>
        )}
      </svg>
    </div>
  );
}
