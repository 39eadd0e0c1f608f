import { Button, Input, ScrollView, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { MaterialDto } from '@cardhub/shared';
import { useCallback, useEffect, useState } from 'react';
import MaterialCard from '../../components/MaterialCard';
import { usePagedList } from '../../hooks/usePagedList';
import { listMaterials } from '../../services/materials';
import { materialFacets } from './facets';
import './index.scss';

const PAGE_SIZE = 20;
/** Searching waits for a pause in typing. */
const SEARCH_DELAY_MS = 400;
/** The filter chips come from the newest materials (the API's largest page). */
const FACET_SAMPLE = 50;

function Chip({ label, active, onClick }: { label: string; active: boolean; onClick: () => void }) {
  return (
    <Text
      className={`material-library__chip${active ? ' material-library__chip--active' : ''}`}
      onClick={onClick}
    >
      {label}
    </Text>
  );
}

/** The employee's material library (物料库): published materials by category and tag, with search. */
export default function MaterialLibraryPage() {
  const [facets, setFacets] = useState<ReturnType<typeof materialFacets>>({ categories: [], tags: [] });
  const [category, setCategory] = useState('');
  const [tag, setTag] = useState('');
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');

  useEffect(() => {
    listMaterials({ limit: FACET_SAMPLE })
      .then((sample) => setFacets(materialFacets(sample.items)))
      .catch(() => undefined); // Without chips the search still works.
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  const fetchPage = useCallback(
    (page: number) => listMaterials({ category, tag, q: query, page, limit: PAGE_SIZE }),
    [category, tag, query],
  );
  const list = usePagedList<MaterialDto>(fetchPage);
  useReachBottom(() => void list.loadMore());
  usePullDownRefresh(async () => {
    await list.reload();
    Taro.stopPullDownRefresh();
  });

  const open = (material: MaterialDto) =>
    Taro.navigateTo({ url: `/pages/material/detail/index?id=${material.id}` });
  const filtered = Boolean(category || tag || query);

  return (
    <View className="material-library">
      <View className="material-library__filters">
        <View className="material-library__search">
          <Text className="material-library__search-icon">搜</Text>
          <Input
            className="material-library__search-input"
            type="text"
            confirmType="search"
            placeholder="搜索标题或摘要"
            value={typed}
            onInput={(event) => setTyped(event.detail.value)}
            onConfirm={(event) => setQuery(event.detail.value.trim())}
          />
          {typed ? (
            <Text className="material-library__search-clear" onClick={() => setTyped('')}>
              清除
            </Text>
          ) : null}
        </View>
        {facets.categories.length > 0 ? (
          <ScrollView className="material-library__chips" scrollX enhanced showScrollbar={false}>
            <Chip label="全部" active={!category} onClick={() => setCategory('')} />
            {facets.categories.map((name) => (
              <Chip key={name} label={name} active={category === name} onClick={() => setCategory(name)} />
            ))}
          </ScrollView>
        ) : null}
        {facets.tags.length > 0 ? (
          <ScrollView className="material-library__tags" scrollX enhanced showScrollbar={false}>
            {facets.tags.map((name) => (
              <Text
                key={name}
                className={`material-library__tag${tag === name ? ' material-library__tag--active' : ''}`}
                onClick={() => setTag(tag === name ? '' : name)}
              >
                #{name}
              </Text>
            ))}
          </ScrollView>
        ) : null}
      </View>

      {list.status === 'loading' ? (
        <View className="material-library__list" aria-busy>
          {[0, 1, 2].map((index) => (
            <View key={index} className="material-library__skeleton" />
          ))}
        </View>
      ) : list.status === 'failed' ? (
        <View className="material-library__empty">
          <Text className="material-library__empty-title">物料加载失败</Text>
          <Text className="material-library__hint">请检查网络后重试</Text>
          <Button className="button-primary material-library__retry" onClick={() => void list.reload()}>
            重试
          </Button>
        </View>
      ) : list.items.length === 0 ? (
        <View className="material-library__empty">
          <Text className="material-library__empty-title">
            {filtered ? '没有找到相关物料' : '物料库还是空的'}
          </Text>
          <Text className="material-library__hint">
            {filtered ? '换个关键词或分类试试' : '管理员发布文章、海报、视频和产品后会出现在这里'}
          </Text>
        </View>
      ) : (
        <View className="material-library__list">
          <Text className="material-library__count">共 {list.total} 篇物料，分享时自动附上你的名片</Text>
          {list.items.map((material) => (
            <MaterialCard key={material.id} material={material} onClick={() => void open(material)} />
          ))}
          {list.hasMore ? (
            <Button
              className="material-library__more"
              loading={list.loadingMore}
              onClick={() => void list.loadMore()}
            >
              加载更多
            </Button>
          ) : (
            <Text className="material-library__end">没有更多了</Text>
          )}
        </View>
      )}
    </View>
  );
}
