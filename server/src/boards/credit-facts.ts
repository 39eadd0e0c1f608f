import { type CreditSplit, DEFAULT_BOARD_SETTINGS, type RollupShare } from '@cardhub/shared';
import { type EntityManager, In } from 'typeorm';
import { Department } from '../org/entities/department.entity';
import { Employee } from '../org/entities/employee.entity';
import { Organization } from '../org/entities/organization.entity';
import { Share } from '../shares/entities/share.entity';

/**
 * How long ingest reuses an organization's settings and directory: a department move or a share's new credit
 * reaches the rollups within this long (a rebuild, which follows a change of settings, forgets them at once).
 */
export const CREDIT_FACTS_TTL_MS = 10_000;

/** Ids per `IN (…)` list: well under both databases' parameter limits. */
const IDS_PER_QUERY = 500;

/** A share with what credit needs: its root employee and target too. */
export interface LoadedShare extends RollupShare {
  rootShareId: string;
  creditedEmployeeId: string;
  material: string | null;
}

/** An organization's settings and the directory facts credit needs, loaded as events ask for them. */
export class CreditFacts {
  /** When these facts were read: what is derived from them is only reused with the same facts. */
  readonly loadedAt = Date.now();
  readonly expiresAt = this.loadedAt + CREDIT_FACTS_TTL_MS;
  private readonly departmentOf = new Map<string, string | null>();
  private readonly shares = new Map<string, LoadedShare>();

  private constructor(
    private readonly manager: EntityManager,
    readonly organizationId: string,
    readonly timeZone: string,
    readonly creditSplit: CreditSplit,
    private readonly parentOf: Map<string, string | null>,
  ) {}

  static async load(manager: EntityManager, organizationId: string): Promise<CreditFacts> {
    const organization = await manager.findOne(Organization, {
      select: { id: true, timezone: true, creditSplit: true },
      where: { id: organizationId },
    });
    const departments = await manager.find(Department, {
      select: { id: true, parentId: true },
      where: { organizationId },
    });
    return new CreditFacts(
      manager,
      organizationId,
      organization?.timezone ?? DEFAULT_BOARD_SETTINGS.timeZone,
      organization?.creditSplit ?? DEFAULT_BOARD_SETTINGS.creditSplit,
      new Map(departments.map((department) => [department.id, department.parentId])),
    );
  }

  /** An employee's department and that department's ancestors, nearest first (after `loadEmployees`). */
  departmentsOf(employeeId: string): string[] {
    const chain: string[] = [];
    for (
      let id = this.departmentOf.get(employeeId) ?? null;
      id && !chain.includes(id);
      id = this.parentOf.get(id) ?? null
    )
      chain.push(id);
    return chain;
  }

  async loadEmployees(ids: (string | null)[]): Promise<void> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null && !this.departmentOf.has(id)))];
    for (const chunk of chunks(wanted, IDS_PER_QUERY)) {
      const rows = await this.manager.find(Employee, {
        select: { id: true, departmentId: true },
        where: { organizationId: this.organizationId, id: In(chunk) },
      });
      for (const row of rows) this.departmentOf.set(row.id, row.departmentId);
    }
  }

  /**
   * The shares events came by, with the employees along each chain when credit is split (a chain's shares all
   * share its root, so one query finds them), and their employees' departments loaded.
   */
  async loadShares(shareIds: (string | null)[]): Promise<Map<string, LoadedShare>> {
    const ids = [...new Set(shareIds.filter((id): id is string => id !== null))];
    const missing = ids.filter((id) => !this.shares.has(id));
    if (missing.length > 0) {
      for (const share of await this.readShares(missing)) this.shares.set(share.id, share);
      await this.loadEmployees(
        missing.flatMap((id) => {
          const share = this.shares.get(id);
          return share ? [share.creditedEmployeeId, ...share.chainEmployeeIds] : [];
        }),
      );
    }
    const found = new Map<string, LoadedShare>();
    for (const id of ids) {
      const share = this.shares.get(id);
      if (share) found.set(id, share);
    }
    return found;
  }

  private async readShares(ids: string[]): Promise<LoadedShare[]> {
    const { manager, organizationId } = this;
    const select = {
      id: true,
      channel: true,
      depth: true,
      parentShareId: true,
      rootShareId: true,
      sharerEmployeeId: true,
    } as const;
    const shares: Share[] = [];
    for (const chunk of chunks(ids, IDS_PER_QUERY))
      shares.push(
        ...(await manager.find(Share, {
          select: { ...select, creditedEmployeeId: true, targetType: true, targetId: true },
          where: { organizationId, id: In(chunk) },
        })),
      );
    const byId = new Map(shares.map((share) => [share.id, share]));
    const chain = this.creditSplit === 'chain';
    if (chain) {
      const roots = [...new Set(shares.filter((share) => share.depth > 0).map((share) => share.rootShareId))];
      for (const chunk of chunks(roots, IDS_PER_QUERY)) {
        const tree = await manager.find(Share, { select, where: { organizationId, rootShareId: In(chunk) } });
        for (const share of tree) byId.set(share.id, share);
      }
    }
    return shares.map((share) => {
      const chainEmployeeIds: string[] = [];
      if (chain) {
        for (
          let at: Share | undefined = share;
          at;
          at = at.parentShareId ? byId.get(at.parentShareId) : undefined
        ) {
          if (at.sharerEmployeeId && !chainEmployeeIds.includes(at.sharerEmployeeId))
            chainEmployeeIds.unshift(at.sharerEmployeeId);
        }
      }
      return {
        id: share.id,
        channel: share.channel,
        depth: share.depth,
        chainEmployeeIds,
        rootShareId: share.rootShareId,
        creditedEmployeeId: share.creditedEmployeeId,
        material: share.targetType === 'material' ? share.targetId : null,
      };
    });
  }
}

/** Each organization's `CreditFacts`, reused until they expire or are forgotten. */
export class CreditFactsCache {
  private readonly byOrganization = new Map<string, Promise<CreditFacts>>();

  constructor(private readonly manager: EntityManager) {}

  async of(organizationId: string): Promise<CreditFacts> {
    const cached = this.byOrganization.get(organizationId);
    if (cached) {
      const facts = await cached.catch(() => null);
      if (facts && facts.expiresAt > Date.now()) return facts;
      if (this.byOrganization.get(organizationId) !== cached) return this.of(organizationId);
    }
    const loading = CreditFacts.load(this.manager, organizationId);
    this.byOrganization.set(organizationId, loading);
    return loading;
  }

  forget(organizationId: string): void {
    this.byOrganization.delete(organizationId);
  }
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
