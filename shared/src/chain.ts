import { visitorDisplayName } from './visitor-label';

/** The parts of a share that chain logic needs; the server's Share entity fits this shape. */
export interface ChainShare {
  id: string;
  parentShareId: string | null;
  sharerEmployeeId: string | null;
  sharerVisitorId: string | null;
}

/** Deeper chains than this are treated as corrupt (a cycle or runaway data), not walked forever. */
export const MAX_CHAIN_DEPTH = 64;

export type ShareChainProblem = 'missing_parent' | 'cycle' | 'too_deep' | 'root_not_employee';

export class ShareChainError extends Error {
  override readonly name = 'ShareChainError';

  constructor(
    readonly problem: ShareChainProblem,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The chain from the root share down to `share`, root first (so a share's depth is its index). `lookup`
 * finds a share by id; a missing parent, a cycle or a chain deeper than MAX_CHAIN_DEPTH throws ShareChainError.
 */
export function resolveChain<T extends ChainShare>(share: T, lookup: (id: string) => T | undefined): T[] {
  const chain: T[] = [share];
  const seen = new Set([share.id]);
  let current = share;
  while (current.parentShareId !== null) {
    const parent = lookup(current.parentShareId);
    if (!parent)
      throw new ShareChainError(
        'missing_parent',
        `share ${current.id} has a missing parent ${current.parentShareId}`,
      );
    if (seen.has(parent.id)) throw new ShareChainError('cycle', `share chain of ${share.id} has a cycle`);
    if (chain.length > MAX_CHAIN_DEPTH)
      throw new ShareChainError('too_deep', `share chain of ${share.id} is too deep`);
    seen.add(parent.id);
    chain.unshift(parent);
    current = parent;
  }
  return chain;
}

/** The depth of a forward of a share at `parentDepth` (a root is 0); refuses to grow a chain past MAX_CHAIN_DEPTH. */
export function childShareDepth(parentDepth: number): number {
  const depth = parentDepth + 1;
  if (depth > MAX_CHAIN_DEPTH)
    throw new ShareChainError('too_deep', `a share chain cannot be deeper than ${MAX_CHAIN_DEPTH}`);
  return depth;
}

/** Every chain starts with an employee's share; that employee gets the credit for everything under it. */
export function creditedEmployeeId(chain: readonly ChainShare[]): string {
  const root = chain[0];
  if (!root?.sharerEmployeeId)
    throw new ShareChainError('root_not_employee', 'a share chain must start with an employee share');
  return root.sharerEmployeeId;
}

/**
 * The people who forwarded between the root employee and whoever arrived by the last share of `chain`,
 * nearest the employee first: the radar's "经 A → B 转发".
 */
export function forwarderLabels(
  chain: readonly ChainShare[],
  visitorsById: ReadonlyMap<string, { id: string; name: string | null }>,
): string[] {
  return chain.slice(1).flatMap((share) => {
    if (!share.sharerVisitorId) return [];
    const visitor = visitorsById.get(share.sharerVisitorId) ?? { id: share.sharerVisitorId, name: null };
    return [visitorDisplayName(visitor)];
  });
}
