import { Injectable, NotFoundException } from '@nestjs/common';
import {
  type MaterialStats,
  type MaterialStatsListResponse,
  departmentPath,
  visitorDisplayName,
} from '@cardhub/shared';
import type { StaffPrincipal } from '../common/auth';
import { MATERIAL_NOT_FOUND, MaterialsService } from '../materials/materials.service';
import { OrgDirectory } from '../org/org-directory.service';
import { VisitorsService } from '../visitors/visitors.service';
import { chainTrees, forwardCount, readingFigures, topSharers } from './material-figures';
import { ShareActivity } from './share-activity';

/** Per-material statistics for managers and admins (shares, reach, reading, forwards, chains, leads). */
@Injectable()
export class MaterialStatsService {
  constructor(
    private readonly activity: ShareActivity,
    private readonly materials: MaterialsService,
    private readonly directory: OrgDirectory,
    private readonly visitors: VisitorsService,
  ) {}

  /** The console table's figures for a page of materials, in the order asked. */
  async summaries(staff: StaffPrincipal, materialIds: string[]): Promise<MaterialStatsListResponse> {
    const totals = await this.activity.materialTotals(staff.organizationId, materialIds);
    // Ids of other organizations or unknown ones are simply not reported.
    const known = await this.materials.findManyInOrganization(staff.organizationId, materialIds);
    const knownIds = new Set(known.map((material) => material.id));
    return {
      items: [...new Set(materialIds)]
        .filter((id) => knownIds.has(id))
        .map((materialId) => ({ materialId, shares: 0, views: 0, visitors: 0, ...totals.get(materialId) })),
    };
  }

  async statsOf(staff: StaffPrincipal, materialId: string): Promise<MaterialStats> {
    const organizationId = staff.organizationId;
    const [material] = await this.materials.findManyInOrganization(organizationId, [materialId]);
    if (!material) throw new NotFoundException(MATERIAL_NOT_FOUND);

    const totals = (await this.activity.materialTotals(organizationId, [materialId])).get(materialId);
    const shares = await this.activity.sharesOfMaterial(organizationId, materialId);
    const viewsByShare = await this.activity.countedViewsByShare(organizationId, materialId);
    const actions = await this.activity.countedActions(organizationId, materialId, [
      'dwell',
      'scroll',
      'video',
      'forward',
    ]);
    const leads = await this.activity.leadsFirstTouchedBy(
      organizationId,
      shares.map((share) => share.id),
    );
    const employees = await this.directory.findByIds(
      organizationId,
      shares.flatMap((share) => [
        share.creditedEmployeeId,
        share.sharerEmployeeId ?? share.creditedEmployeeId,
      ]),
    );
    const departments = await this.directory.departmentsOf(organizationId);
    const forwarders = await this.visitors.findByIds(organizationId, [
      ...new Set(shares.flatMap((share) => (share.sharerVisitorId ? [share.sharerVisitorId] : []))),
    ]);

    const employeesById = new Map(employees.map((employee) => [employee.id, employee]));
    const visitorsById = new Map(forwarders.map((visitor) => [visitor.id, visitor]));
    const sharesById = new Map(shares.map((share) => [share.id, share]));
    const employeeName = (id: string) => employeesById.get(id)?.name ?? '已删除的员工';
    const views = totals?.views ?? 0;

    return {
      material: {
        id: material.id,
        title: material.title,
        type: material.type,
        status: material.status,
        coverUrl: this.materials.toDto(material).coverUrl,
        publishedAt: material.publishedAt?.toISOString() ?? null,
      },
      shares: shares.filter((share) => share.sharerEmployeeId !== null).length,
      views,
      visitors: totals?.visitors ?? 0,
      ...readingFigures(views, actions),
      forwards: forwardCount(
        actions.filter((action) => action.type === 'forward'),
        sharesById,
      ),
      deepestChain: shares.reduce((deepest, share) => Math.max(deepest, share.depth), 0),
      leads,
      topSharers: topSharers(shares, viewsByShare, (employeeId) => {
        const departmentId = employeesById.get(employeeId)?.departmentId;
        return {
          name: employeeName(employeeId),
          departmentName: departmentId ? departmentPath(departments, departmentId).join(' / ') : '',
        };
      }),
      ...chainTrees(shares, viewsByShare, (share) =>
        share.sharerEmployeeId
          ? { kind: 'employee', label: employeeName(share.sharerEmployeeId) }
          : {
              kind: 'visitor',
              label: visitorDisplayName(
                visitorsById.get(share.sharerVisitorId!) ?? { id: share.sharerVisitorId!, name: null },
              ),
            },
      ),
    };
  }
}
