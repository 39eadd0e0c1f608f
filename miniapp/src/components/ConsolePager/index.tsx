import './index.scss';

interface Props {
  page: number;
  pages: number;
  /** Shown after the page numbers when given. */
  total?: number;
  onPage: (page: number) => void;
}

/** 上一页 · 第 n / m 页 · 下一页 under a console table (H5 only). */
export default function ConsolePager({ page, pages, total, onPage }: Props) {
  return (
    <div className="console-pager">
      <button
        type="button"
        className="console-pager__button"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        上一页
      </button>
      <span>
        第 {page} / {pages} 页{total === undefined ? '' : ` · 共 ${total} 条`}
      </span>
      <button
        type="button"
        className="console-pager__button"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        下一页
      </button>
    </div>
  );
}
