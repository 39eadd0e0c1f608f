import { useCallback, useEffect, useRef, useState } from 'react';
import { failureMessage } from '../services/request';

interface Settled<T> {
  /** The query these data answer: data of another query is shown as stale, not as this one's. */
  key: string;
  data: T | null;
  error: string | null;
}

/**
 * What `fetcher` answers for `query`, fetched again whenever the query's content changes (not on every new object
 * of the same query). While a new query loads, the last data stay on screen with `loading` set; an answer that
 * arrives after the query changed again is dropped. `fetcher` should be a stable (module-level) function.
 */
export function useLoaded<Q, T>(fetcher: (query: Q) => Promise<T>, query: Q) {
  const key = JSON.stringify(query);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const [reloads, setReloads] = useState(0);
  const reloadWaiters = useRef<(() => void)[]>([]);

  useEffect(() => {
    let current = true;
    const settle = (update: (shown: Settled<T> | null) => Settled<T>) => {
      if (!current) return;
      setSettled(update);
      reloadWaiters.current.splice(0).forEach((resolve) => resolve());
    };
    fetcher(JSON.parse(key) as Q).then(
      (data) => settle(() => ({ key, data, error: null })),
      (failure: unknown) =>
        settle((shown) => ({
          key,
          data: shown?.data ?? null,
          error: failureMessage(failure, '加载失败，请重试'),
        })),
    );
    return () => {
      current = false;
    };
  }, [fetcher, key, reloads]);

  /** Fetches the same query again; resolves once it has answered. */
  const reload = useCallback(
    () =>
      new Promise<void>((resolve) => {
        reloadWaiters.current.push(resolve);
        setReloads((count) => count + 1);
      }),
    [],
  );

  const fresh = settled?.key === key;
  return {
    data: settled?.data ?? null,
    loading: !fresh,
    error: fresh ? settled.error : null,
    reload,
  };
}
