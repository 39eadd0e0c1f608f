import { useCallback, useEffect, useRef, useState } from 'react';

export interface Page<T> {
  items: T[];
  total: number;
}

type FetchPage<T> = (page: number) => Promise<Page<T>>;

interface Loaded<T> {
  /** The fetch these rows answer: a list loaded for other filters is not shown as this one. */
  source: FetchPage<T>;
  items: T[];
  total: number;
  nextPage: number;
  failed: boolean;
}

/**
 * A list fetched page by page (`page` from 1), loaded from the first page whenever `fetchPage` changes (pass a
 * memoised function whose dependencies are the filters); an answer for filters no longer shown is dropped.
 */
export function usePagedList<T>(fetchPage: FetchPage<T>) {
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const [reloads, setReloads] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);
  const reloadWaiters = useRef<(() => void)[]>([]);

  useEffect(() => {
    let current = true;
    const settle = (next: Omit<Loaded<T>, 'source'>) => {
      if (!current) return;
      setLoaded({ source: fetchPage, ...next });
      reloadWaiters.current.splice(0).forEach((resolve) => resolve());
    };
    fetchPage(1).then(
      (first) => settle({ items: first.items, total: first.total, nextPage: 2, failed: false }),
      () => settle({ items: [], total: 0, nextPage: 1, failed: true }),
    );
    return () => {
      current = false;
    };
  }, [fetchPage, reloads]);

  const status = !loaded || loaded.source !== fetchPage ? 'loading' : loaded.failed ? 'failed' : 'ready';
  const items = status === 'ready' ? loaded!.items : [];
  const total = status === 'ready' ? loaded!.total : 0;
  const hasMore = items.length < total;

  /** Loads the first page again; the list stays on screen meanwhile (a failed one shows as loading). */
  const reload = useCallback(
    () =>
      new Promise<void>((resolve) => {
        reloadWaiters.current.push(resolve);
        setLoaded((shown) => (shown?.failed ? null : shown));
        setReloads((count) => count + 1);
      }),
    [],
  );

  const loadMore = useCallback(async () => {
    if (!loaded || status !== 'ready' || !hasMore || loadingMore) return;
    setLoadingMore(true);
    try {
      const next = await fetchPage(loaded.nextPage);
      setLoaded((shown) =>
        shown?.source === fetchPage && shown.nextPage === loaded.nextPage
          ? {
              ...shown,
              items: [...shown.items, ...next.items],
              total: next.total,
              nextPage: shown.nextPage + 1,
            }
          : shown,
      );
    } catch {
      // The list stays as it is; the next scroll to the bottom tries again.
    } finally {
      setLoadingMore(false);
    }
  }, [fetchPage, hasMore, loaded, loadingMore, status]);

  return { items, total, status, hasMore, loadingMore, reload, loadMore };
}
