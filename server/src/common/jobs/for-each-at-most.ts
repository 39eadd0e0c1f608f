/** Runs `task` for each item, at most `limit` at once, starting them in order; resolves when all have ended. */
export async function forEachAtMost<Item>(
  items: readonly Item[],
  limit: number,
  task: (item: Item) => Promise<void>,
): Promise<void> {
  let next = 0;
  const takeInTurn = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, takeInTurn));
}
