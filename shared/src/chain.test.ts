import {
  type ChainShare,
  MAX_CHAIN_DEPTH,
  ShareChainError,
  childShareDepth,
  creditedEmployeeId,
  forwarderLabels,
  resolveChain,
} from './chain';
import { anonymousVisitorLabel } from './visitor-label';

const byEmployee = (id: string, employee: string): ChainShare => ({
  id,
  parentShareId: null,
  sharerEmployeeId: employee,
  sharerVisitorId: null,
});
const byVisitor = (id: string, parent: string, visitor: string): ChainShare => ({
  id,
  parentShareId: parent,
  sharerEmployeeId: null,
  sharerVisitorId: visitor,
});

function lookupIn(shares: ChainShare[]) {
  const byId = new Map(shares.map((share) => [share.id, share]));
  return (id: string) => byId.get(id);
}

/** s0 (employee) ← s1 ← s2 ← … ← s<depth>, each forwarded by a visitor. */
function chainOfDepth(depth: number): ChainShare[] {
  const shares = [byEmployee('s0', 'e-zhang')];
  for (let level = 1; level <= depth; level++)
    shares.push(byVisitor(`s${level}`, `s${level - 1}`, `v${level}`));
  return shares;
}

function problemOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof ShareChainError) return error.problem;
    throw error;
  }
  return undefined;
}

describe('resolveChain', () => {
  it.each([0, 1, 3, MAX_CHAIN_DEPTH])('walks a share at depth %p up to its root, root first', (depth) => {
    const shares = chainOfDepth(depth);
    const chain = resolveChain(shares[depth]!, lookupIn(shares));
    expect(chain.map((share) => share.id)).toEqual(shares.map((share) => share.id));
    expect(chain.length - 1).toBe(depth);
    expect(creditedEmployeeId(chain)).toBe('e-zhang');
  });

  const a = byVisitor('a', 'b', 'v1');
  const b = byVisitor('b', 'a', 'v2');
  const tooDeep = chainOfDepth(MAX_CHAIN_DEPTH + 1);
  const orphan = byVisitor('s2', 's1', 'v2');
  it.each([
    ['a missing parent', orphan, [orphan], 'missing_parent'],
    ['a cycle', a, [a, b], 'cycle'],
    ['a share pointing at itself', byVisitor('x', 'x', 'v1'), [byVisitor('x', 'x', 'v1')], 'cycle'],
    [`a chain deeper than ${MAX_CHAIN_DEPTH}`, tooDeep[tooDeep.length - 1]!, tooDeep, 'too_deep'],
  ] as const)('rejects %s', (_label, share, shares, problem) => {
    expect(problemOf(() => resolveChain(share, lookupIn([...shares])))).toBe(problem);
  });
});

describe('childShareDepth', () => {
  it.each([
    [0, 1],
    [3, 4],
    [MAX_CHAIN_DEPTH - 1, MAX_CHAIN_DEPTH],
  ])('a forward of a share at depth %p is at depth %p', (parentDepth, depth) => {
    expect(childShareDepth(parentDepth)).toBe(depth);
  });

  it('refuses to grow a chain that resolveChain would reject', () => {
    expect(problemOf(() => childShareDepth(MAX_CHAIN_DEPTH))).toBe('too_deep');
  });
});

describe('creditedEmployeeId', () => {
  it.each([
    ['a chain starting with a visitor share', [byVisitor('s1', 's0', 'v-wang')]],
    ['an empty chain', []],
  ])('refuses %s', (_label, chain) => {
    expect(problemOf(() => creditedEmployeeId(chain))).toBe('root_not_employee');
  });
});

describe('forwarderLabels', () => {
  const visitors = new Map([['v1', { id: 'v1', name: '王女士' }]]);
  it.each([
    ['a root share', 0, []],
    ['a forward by a named visitor', 1, ['王女士']],
    ['a forward of a forward', 2, ['王女士', anonymousVisitorLabel('v2')]],
  ])('names the forwarders of %s, nearest the employee first', (_label, depth, labels) => {
    const shares = chainOfDepth(depth);
    expect(forwarderLabels(resolveChain(shares[depth]!, lookupIn(shares)), visitors)).toEqual(labels);
  });

  it('leaves out employees who forwarded inside the chain', () => {
    const colleague: ChainShare = {
      id: 's1',
      parentShareId: 's0',
      sharerEmployeeId: 'e-li',
      sharerVisitorId: null,
    };
    expect(
      forwarderLabels([byEmployee('s0', 'e-zhang'), colleague, byVisitor('s2', 's1', 'v1')], visitors),
    ).toEqual(['王女士']);
  });
});
