import type { ChainBoardRow, ChainOrder } from '@cardhub/shared';
import ChainPath from '../../../components/ChainPath';
import { formatFigure } from '../../../utils/boardFormat';
import { MATERIAL_TYPE_LABELS, SHARE_CHANNEL_LABELS } from '../../../utils/material-labels';

const CHANNEL_LABELS: Record<string, string> = { ...SHARE_CHANNEL_LABELS, site: '官网' };

const targetLabel = (target: ChainBoardRow['target']) =>
  target.type === 'card'
    ? '名片'
    : target.type === 'site_page'
      ? '官网页面'
      : (MATERIAL_TYPE_LABELS[target.type as keyof typeof MATERIAL_TYPE_LABELS] ?? '物料');

/** The deepest or widest share chains: who started each, what was shared, how far it travelled. */
export default function ChainBoard({ rows, order }: { rows: ChainBoardRow[]; order: ChainOrder }) {
  if (rows.length === 0)
    return <div className="ranked-table__empty">这段时间还没有被转发的分享，客户转发后链路会出现在这里</div>;
  return (
    <div className="chain-board">
      <div className="chain-board__row chain-board__row--head">
        <span className="chain-board__index">#</span>
        <span className="chain-board__main">发起员工 · 内容</span>
        <span className={`chain-board__figure${order === 'deepest' ? ' chain-board__figure--ranked' : ''}`}>
          层级
        </span>
        <span className={`chain-board__figure${order === 'widest' ? ' chain-board__figure--ranked' : ''}`}>
          最宽
        </span>
        <span className="chain-board__figure">转发</span>
        <span className="chain-board__figure">浏览</span>
        <span className="chain-board__figure">访客</span>
      </div>
      {rows.map((row, index) => (
        <div key={row.rootShareId} className="chain-board__row">
          <span className="chain-board__index">{index + 1}</span>
          <span className="chain-board__main">
            <span className="chain-board__title">
              <strong>{row.employee.name}</strong>
              <span className="chain-board__target">
                {targetLabel(row.target)} · {row.target.title}
              </span>
              <span className="chain-board__channel">{CHANNEL_LABELS[row.channel] ?? row.channel}</span>
            </span>
            <ChainPath path={row.path} />
          </span>
          <span className={`chain-board__figure${order === 'deepest' ? ' chain-board__figure--ranked' : ''}`}>
            {row.depth} 层
          </span>
          <span className={`chain-board__figure${order === 'widest' ? ' chain-board__figure--ranked' : ''}`}>
            {row.width}
          </span>
          <span className="chain-board__figure">{formatFigure(row.forwards)}</span>
          <span className="chain-board__figure">{formatFigure(row.views)}</span>
          <span className="chain-board__figure">{formatFigure(row.visitors)}</span>
        </div>
      ))}
    </div>
  );
}
