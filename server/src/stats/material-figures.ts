import {
  type MaterialStats,
  type MaterialTopSharer,
  SCROLL_DEPTHS,
  type ScrollDepthReached,
  type ShareChainNode,
} from '@cardhub/shared';
import type { Share } from '../shares/entities/share.entity';
import type { ViewsThroughShare, VisitAction } from './share-activity';

/** How many of a material's chain trees the stats show; the rest are counted in `chainOmitted`. */
export const CHAIN_TREES_SHOWN = 20;
export const TOP_SHARERS_SHOWN = 10;

const roundTo = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

type ReadingFigures = Pick<
  MaterialStats,
  'averageReadSeconds' | 'averageReadDepth' | 'fullReads' | 'fullReadRate' | 'depthDistribution' | 'video'
>;

/**
 * Reading figures over the counted visits: dwell and deepest scroll mark per visit (a visit that reported no
 * mark read 0%), and how many visits played and finished the video.
 */
export function readingFigures(countedVisits: number, actions: readonly VisitAction[]): ReadingFigures {
  let dwellSeconds = 0;
  const deepest = new Map<string, number>();
  const played = new Set<string>();
  const completed = new Set<string>();
  for (const action of actions) {
    const visitId = action.visitId!;
    if (action.type === 'dwell') dwellSeconds += Number(action.props?.seconds ?? 0);
    if (action.type === 'scroll')
      deepest.set(visitId, Math.max(deepest.get(visitId) ?? 0, Number(action.props?.depth ?? 0)));
    if (action.type === 'video' && action.props?.progress === 'play') played.add(visitId);
    if (action.type === 'video' && action.props?.progress === 'complete') completed.add(visitId);
  }

  const marks = [...deepest.values()];
  const visitsAt = (depth: number) => marks.filter((mark) => mark === depth).length;
  const depthDistribution = SCROLL_DEPTHS.map((depth) => ({
    depth: depth as ScrollDepthReached,
    visits: visitsAt(depth),
  }));
  const scrolled = depthDistribution.reduce((total, bucket) => total + bucket.visits, 0);
  const perVisit = (total: number, decimals: number) =>
    countedVisits === 0 ? 0 : roundTo(total / countedVisits, decimals);
  const fullReads = visitsAt(100);
  return {
    averageReadSeconds: perVisit(dwellSeconds, 1),
    averageReadDepth: perVisit(
      marks.reduce((total, mark) => total + mark, 0),
      1,
    ),
    fullReads,
    fullReadRate: perVisit(fullReads, 3),
    depthDistribution: [{ depth: 0, visits: Math.max(0, countedVisits - scrolled) }, ...depthDistribution],
    video: { plays: played.size, completions: completed.size },
  };
}

/**
 * Forwards by visitors. A forward that made a share (POST /api/shares) records a `forward` event on the new
 * share; a client may also report a `forward` action for the same tap. Within one visit the shares win, and
 * reported actions count only for visits that made no forward share.
 */
export function forwardCount(
  forwardEvents: readonly VisitAction[],
  sharesById: ReadonlyMap<string, Share>,
): number {
  const perVisit = new Map<string, { withShare: number; reported: number }>();
  for (const event of forwardEvents) {
    const visit = perVisit.get(event.visitId!) ?? { withShare: 0, reported: 0 };
    const share = event.shareId ? sharesById.get(event.shareId) : undefined;
    if (share?.sharerVisitorId && share.sharerVisitorId === event.visitorId) visit.withShare += 1;
    else visit.reported += 1;
    perVisit.set(event.visitId!, visit);
  }
  return [...perVisit.values()].reduce(
    (total, visit) => total + (visit.withShare > 0 ? visit.withShare : visit.reported),
    0,
  );
}

/** The employees credited with the most counted views of the material (then the most shares). */
export function topSharers(
  shares: readonly Share[],
  viewsByShare: readonly ViewsThroughShare[],
  employeeOf: (employeeId: string) => { name: string; departmentName: string },
): MaterialTopSharer[] {
  const byEmployee = new Map<string, { shares: number; views: number }>();
  const entry = (employeeId: string) => {
    const existing = byEmployee.get(employeeId) ?? { shares: 0, views: 0 };
    byEmployee.set(employeeId, existing);
    return existing;
  };
  const sharesById = new Map(shares.map((share) => [share.id, share]));
  for (const share of shares) if (share.sharerEmployeeId) entry(share.sharerEmployeeId).shares += 1;
  for (const { shareId, views } of viewsByShare) {
    const share = shareId ? sharesById.get(shareId) : undefined;
    if (share) entry(share.creditedEmployeeId).views += views;
  }
  return [...byEmployee.entries()]
    .map(([employeeId, counts]) => ({ employeeId, ...employeeOf(employeeId), ...counts }))
    .sort((a, b) => b.views - a.views || b.shares - a.shares || a.name.localeCompare(b.name, 'zh'))
    .slice(0, TOP_SHARERS_SHOWN);
}

/**
 * The share trees of a material: each employee share with the forwards below it, the trees that brought the
 * most counted views first; within a tree, forwards in the order they were made.
 */
export function chainTrees(
  shares: readonly Share[],
  viewsByShare: readonly ViewsThroughShare[],
  sharerLabel: (share: Share) => ShareChainNode['sharer'],
): Pick<MaterialStats, 'chain' | 'chainOmitted'> {
  const viewsOf = new Map(viewsByShare.map(({ shareId, views }) => [shareId, views]));
  const childrenOf = new Map<string, Share[]>();
  for (const share of shares) {
    if (share.parentShareId === null) continue;
    childrenOf.set(share.parentShareId, [...(childrenOf.get(share.parentShareId) ?? []), share]);
  }
  const node = (share: Share): ShareChainNode => ({
    code: share.code,
    depth: share.depth,
    channel: share.channel,
    sharer: sharerLabel(share),
    views: viewsOf.get(share.id) ?? 0,
    createdAt: share.createdAt.toISOString(),
    children: (childrenOf.get(share.id) ?? []).map(node),
  });
  const treeViews = (tree: ShareChainNode): number =>
    tree.children.reduce((total, child) => total + treeViews(child), tree.views);
  const trees = shares
    .filter((share) => share.parentShareId === null)
    .map(node)
    .map((tree) => ({ tree, views: treeViews(tree) }))
    // Stable: equally viewed trees stay in the order they were shared.
    .sort((a, b) => b.views - a.views);
  return {
    chain: trees.slice(0, CHAIN_TREES_SHOWN).map(({ tree }) => tree),
    chainOmitted: Math.max(0, trees.length - CHAIN_TREES_SHOWN),
  };
}
