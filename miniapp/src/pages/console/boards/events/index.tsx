import { useRouter } from '@tarojs/taro';
import { BOARD_METRIC_LABELS, BOARD_PERIOD_LABELS } from '@cardhub/shared';
import BoardEventList from '../../../../components/BoardEventList';
import ConsoleLayout from '../../../../components/ConsoleLayout';
import { boardEventsParams, withoutLabel } from '../../../../utils/boardLinks';
import { rangeText } from '../../../../utils/boardFormat';
import './index.scss';

/** The events behind one number of the console's boards: what counted, what was left out and why. */
export default function ConsoleBoardEventsPage() {
  const params = boardEventsParams(useRouter().params);
  return (
    <ConsoleLayout
      active="boards"
      title="数据明细"
      back={{ label: '排行榜', url: '/pages/console/boards/index' }}
    >
      {() =>
        params ? (
          <div className="board-drill">
            <p className="board-drill__subject">
              <strong>{params.label}</strong>
              <span>
                {BOARD_METRIC_LABELS[params.metric]} · {BOARD_PERIOD_LABELS[params.period]}
                {params.from && params.to ? ` · ${rangeText({ from: params.from, to: params.to })}` : ''}
              </span>
            </p>
            <BoardEventList query={withoutLabel(params)} />
          </div>
        ) : (
          <div className="console-panel board-drill__missing">请从排行榜点开一个数字查看明细</div>
        )
      }
    </ConsoleLayout>
  );
}
