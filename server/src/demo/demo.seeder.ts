import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { EntityManager, Repository } from 'typeorm';
import { WechatUser } from '../auth/entities/wechat-user.entity';
import { hashPassword } from '../auth/password-hasher';
import { AppConfig } from '../common/config';
import { FileStorage } from '../infra/uploads';
import { Material } from '../materials/entities/material.entity';
import { sanitizeRichText } from '../materials/rich-text';
import { EmployeesService } from '../org/employees.service';
import { Department } from '../org/entities/department.entity';
import { Employee } from '../org/entities/employee.entity';
import { Organization } from '../org/entities/organization.entity';
import {
  DEMO_ORGANIZATION,
  DEMO_PASSWORD,
  type DemoMaterial,
  type DemoOrganization,
  OTHER_DEMO_ORGANIZATION,
} from './demo-data';
import { Transactions } from '../infra/database/transactions';

/** server/assets/demo, from src/demo (tests) and dist/demo (the built server) alike. */
const DEMO_ASSETS_DIR = join(__dirname, '..', '..', 'assets', 'demo');

/** Ids of the seeded demo data, for tests and tools. */
export interface DemoRoster {
  organizationId: string;
  adminId: string;
  managerId: string;
  /** The five plain employees, in the order of demo-data.ts. */
  employeeIds: string[];
  departmentIds: Record<string, string>;
  /** The published materials of 星辰科技, in the order of demo-data.ts. */
  materialIds: string[];
  otherOrganizationId: string;
  otherAdminId: string;
}

/**
 * Seeds the demo organizations in DEMO_MODE. An organization that already exists (by slug) is left as it is,
 * so restarts change nothing and demo edits survive.
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly config: AppConfig,
    private readonly employees: EmployeesService,
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    @InjectRepository(Department) private readonly departments: Repository<Department>,
    @InjectRepository(Employee) private readonly employeeRows: Repository<Employee>,
    @InjectRepository(Material) private readonly materialRows: Repository<Material>,
    private readonly storage: FileStorage,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demoMode) return;
    await this.seed();
    this.logger.log(
      `Demo logins (password ${DEMO_PASSWORD}): ` +
        [DEMO_ORGANIZATION, OTHER_DEMO_ORGANIZATION]
          .flatMap((organization) =>
            organization.staff
              .filter((member) => member.account)
              .map((member) => `${member.account} (${organization.name} ${member.name})`),
          )
          .join(', ') +
        '; staff one-click logins at GET /api/auth/demo-accounts',
    );
  }

  async seed(): Promise<DemoRoster> {
    const demo = await this.seedOrganization({ ...DEMO_ORGANIZATION, siteUrl: this.config.demoSiteUrl });
    const other = await this.seedOrganization(OTHER_DEMO_ORGANIZATION);
    const byName = (staff: Employee[], name: string) => staff.find((employee) => employee.name === name)!.id;
    const plainEmployees = DEMO_ORGANIZATION.staff.filter((member) => member.role === 'employee');
    return {
      organizationId: demo.organization.id,
      adminId: byName(demo.staff, DEMO_ORGANIZATION.staff.find((member) => member.role === 'admin')!.name),
      managerId: byName(
        demo.staff,
        DEMO_ORGANIZATION.staff.find((member) => member.role === 'manager')!.name,
      ),
      employeeIds: plainEmployees.map((member) => byName(demo.staff, member.name)),
      departmentIds: Object.fromEntries(
        demo.departments.map((department) => [department.name, department.id]),
      ),
      materialIds: DEMO_ORGANIZATION.materials.map(
        (material) => demo.materials.find((row) => row.title === material.title)!.id,
      ),
      otherOrganizationId: other.organization.id,
      otherAdminId: other.staff[0]!.id,
    };
  }

  private async seedOrganization(data: DemoOrganization): Promise<{
    organization: Organization;
    departments: Department[];
    staff: Employee[];
    materials: Material[];
  }> {
    const existing = await this.organizations.findOneBy({ slug: data.slug });
    if (existing) {
      return {
        organization: existing,
        departments: await this.departments.findBy({ organizationId: existing.id }),
        staff: await this.employeeRows.findBy({ organizationId: existing.id }),
        materials: await this.materialRows.findBy({ organizationId: existing.id }),
      };
    }

    this.logger.log(
      `Seeding demo organization ${data.name} (${data.slug}): ${data.departments.length} departments, ${data.staff.length} staff`,
    );
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const media = await this.storeMedia(data.materials);
    return this.transactions.run(async (transaction) => {
      const organization = await transaction.save(
        transaction.create(Organization, {
          name: data.name,
          slug: data.slug,
          siteUrl: data.siteUrl,
          siteOrigins: [new URL(data.siteUrl).origin],
        }),
      );
      const departments = await transaction.save(
        data.departments.map((name, sortOrder) =>
          transaction.create(Department, {
            organizationId: organization.id,
            parentId: null,
            name,
            sortOrder,
          }),
        ),
      );
      const staff: Employee[] = [];
      for (const member of data.staff) {
        const { employee } = await this.employees.createWithCard(
          {
            organizationId: organization.id,
            departmentId: departments.find((department) => department.name === member.department)?.id ?? null,
            name: member.name,
            title: member.title,
            role: member.role,
            status: 'active',
            account: member.account,
            passwordHash: member.account ? passwordHash : undefined,
            phone: member.phone,
            email: member.email,
            card: {
              wechatId: member.wechatId,
              address: data.address,
              bio: member.bio,
            },
          },
          transaction,
        );
        if (this.config.demoMode) await this.bindDemoWechat(transaction, employee, data.slug);
        staff.push(employee);
        this.logger.log(`  ${data.name}: ${member.name}（${member.title}）`);
      }
      const admin = staff[data.staff.findIndex((member) => member.role === 'admin')]!;
      const now = Date.now();
      const materials = await transaction.save(
        data.materials.map((material, index) =>
          transaction.create(Material, {
            organizationId: organization.id,
            type: material.type,
            title: material.title,
            summary: material.summary,
            category: material.category,
            tags: material.tags,
            body: material.body === undefined ? null : sanitizeRichText(material.body),
            coverUrl: media.get(material.cover)!,
            mediaUrl: material.media ? media.get(material.media)! : null,
            images: (material.images ?? []).map((image) => media.get(image)!),
            priceText: material.priceText ?? '',
            specs: material.specs ?? [],
            status: 'published',
            createdByEmployeeId: admin.id,
            // A day apart, so the materials have distinct, believable publication dates.
            publishedAt: new Date(now - (data.materials.length - index) * 86_400_000),
          }),
        ),
      );
      return { organization, departments, staff, materials };
    });
  }

  /** Stores each media file the materials name as an upload, once; returns file name → upload path. */
  private async storeMedia(materials: DemoMaterial[]): Promise<Map<string, string>> {
    const names = new Set(
      materials.flatMap((material) => [material.cover, material.media ?? [], material.images ?? []].flat()),
    );
    const stored = new Map<string, string>();
    for (const name of names) {
      const content = await readFile(join(DEMO_ASSETS_DIR, name));
      stored.set(name, await this.storage.savePublic('demo', extname(name).slice(1), content));
    }
    return stored;
  }

  /**
   * In demo mode every member of staff has "opened the mini-program", so hot-lead alerts and task messages reach
   * the (fake) WeChat API as they would in production. Test seeding leaves staff unbound.
   */
  private async bindDemoWechat(transaction: EntityManager, employee: Employee, slug: string): Promise<void> {
    const digest = createHash('sha256').update(`${slug}:${employee.name}`).digest('hex');
    const user = await transaction.save(
      transaction.create(WechatUser, {
        openid: `o${digest.slice(0, 27)}`,
        unionid: null,
        lastLoginAt: new Date(),
      }),
    );
    await transaction.update(Employee, { id: employee.id }, { wechatUserId: user.id });
    employee.wechatUserId = user.id;
  }
}
