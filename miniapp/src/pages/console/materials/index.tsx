import Taro, { useDidShow } from '@tarojs/taro';
import type { MaterialDto, MaterialStatus } from '@cardhub/shared';
import { useState } from 'react';
import ConsoleLayout from '../../../components/ConsoleLayout';
import ConsolePager from '../../../components/ConsolePager';
import MaterialStatusBadge from '../../../components/MaterialStatusBadge';
import { changeMaterialStatus } from '../../../services/material-admin';
import { listMaterials } from '../../../services/materials';
import { failureMessage } from '../../../services/request';
import { MATERIAL_TYPE_LABELS } from '../../../utils/material-labels';
import './index.scss';

const PAGE_SIZE = 20;
const STATUS_TABS: { label: string; status: MaterialStatus | undefined }[] = [
  { label: '全部', status: undefined },
  { label: '已发布', status: 'published' },
  { label: '草稿', status: 'draft' },
  { label: '已归档', status: 'archived' },
];

const editUrl = (id?: string) => `/pages/console/materials/edit/index${id ? `?id=${id}` : ''}`;
const statsUrl = (id: string) => `/pages/console/materials/stats/index?id=${id}`;

interface Filters {
  status: MaterialStatus | undefined;
  q: string;
  page: number;
}

const formatDate = (iso: string) => new Date(iso).toLocaleDateString('zh-CN');

/** The console's materials library: every status, search, and the way into the editor and each material's figures. */
export default function ConsoleMaterialsPage() {
  return (
    <ConsoleLayout
      active="materials"
      title="物料管理"
      actions={
        <button
          type="button"
          className="console-button"
          onClick={() => void Taro.navigateTo({ url: editUrl() })}
        >
          新建物料
        </button>
      }
    >
      {() => <MaterialsTable />}
    </ConsoleLayout>
  );
}

function MaterialsTable() {
  const [filters, setFilters] = useState<Filters>({ status: undefined, q: '', page: 1 });
  const [search, setSearch] = useState('');
  const [result, setResult] = useState<{ items: MaterialDto[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async (next: Filters) => {
    setFilters(next);
    try {
      setResult(await listMaterials({ ...next, q: next.q || undefined, limit: PAGE_SIZE }));
      setError(null);
    } catch (failure) {
      setError(failureMessage(failure, '加载失败，请重试'));
    }
  };
  // Also on coming back from the editor, to show what was saved.
  useDidShow(() => void load(filters));
  const { status, q: query, page } = filters;

  const transition = async (material: MaterialDto, action: 'publish' | 'archive') => {
    if (action === 'archive') {
      const { confirm } = await Taro.showModal({
        title: '归档物料',
        content: `归档后「${material.title}」将不能再分享，已发出的链接也会失效。确定归档吗？`,
      });
      if (!confirm) return;
    }
    try {
      await changeMaterialStatus(material.id, action);
      await load(filters);
    } catch (failure) {
      setError(failureMessage(failure, '操作失败，请重试'));
    }
  };

  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;

  return (
    <div className="console-panel material-admin">
      <div className="material-admin__filters">
        <div className="material-admin__tabs" role="tablist">
          {STATUS_TABS.map((tab) => (
            <button
              key={tab.label}
              type="button"
              role="tab"
              aria-selected={tab.status === status}
              className={`material-admin__tab ${tab.status === status ? 'material-admin__tab--active' : ''}`}
              onClick={() => void load({ ...filters, status: tab.status, page: 1 })}
            >
              {tab.label}
            </button>
          ))}
        </div>
        <form
          className="material-admin__search"
          onSubmit={(event) => {
            event.preventDefault();
            void load({ ...filters, q: search.trim(), page: 1 });
          }}
        >
          <input
            className="material-admin__search-input"
            type="search"
            placeholder="搜索标题或摘要"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
          <button type="submit" className="console-button console-button--secondary">
            搜索
          </button>
        </form>
      </div>

      {error ? <p className="material-admin__error">{error}</p> : null}

      {result && result.items.length === 0 ? (
        <div className="material-admin__empty">
          <p>{query || status ? '没有符合条件的物料' : '还没有物料，先新建一篇文章或海报吧'}</p>
        </div>
      ) : null}

      {result?.items.map((material) => (
        <div key={material.id} className="material-admin__row">
          {material.coverUrl || (material.type === 'poster' && material.mediaUrl) ? (
            <img className="material-admin__cover" src={material.coverUrl ?? material.mediaUrl!} alt="" />
          ) : (
            <div className={`material-admin__cover material-admin__cover--${material.type}`}>
              {MATERIAL_TYPE_LABELS[material.type]}
            </div>
          )}
          <div className="material-admin__main">
            <div className="material-admin__title-line">
              <span className={`material-admin__type material-admin__type--${material.type}`}>
                {MATERIAL_TYPE_LABELS[material.type]}
              </span>
              <span className="material-admin__title">{material.title}</span>
            </div>
            <p className="material-admin__summary">{material.summary || '（无摘要）'}</p>
            <p className="material-admin__meta">
              {[material.category, ...material.tags.map((tag) => `#${tag}`)].filter(Boolean).join('  ')}
              {'  ·  '}更新于 {formatDate(material.updatedAt)}
            </p>
          </div>
          <MaterialStatusBadge status={material.status} />
          <div className="material-admin__actions">
            <button
              type="button"
              className="material-admin__action"
              onClick={() => void Taro.navigateTo({ url: editUrl(material.id) })}
            >
              编辑
            </button>
            {material.status === 'published' ? (
              <>
                <button
                  type="button"
                  className="material-admin__action"
                  onClick={() => void Taro.navigateTo({ url: statsUrl(material.id) })}
                >
                  数据
                </button>
                <button
                  type="button"
                  className="material-admin__action material-admin__action--danger"
                  onClick={() => void transition(material, 'archive')}
                >
                  归档
                </button>
              </>
            ) : (
              <button
                type="button"
                className="material-admin__action"
                onClick={() => void transition(material, 'publish')}
              >
                {material.status === 'archived' ? '重新发布' : '发布'}
              </button>
            )}
          </div>
        </div>
      ))}

      {result && pages > 1 ? (
        <ConsolePager
          page={page}
          pages={pages}
          total={result.total}
          onPage={(next) => void load({ ...filters, page: next })}
        />
      ) : null}
    </div>
  );
}
