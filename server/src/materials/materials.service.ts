import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  MATERIAL_BODY_MAX_LENGTH,
  type MaterialDto,
  type MaterialListResponse,
  type MaterialStatus,
  type UploadedFileResponse,
  type createMaterialSchema,
  type listMaterialsQuerySchema,
  roleAtLeast,
} from '@cardhub/shared';
import { In, Repository } from 'typeorm';
import type { z } from 'zod';
import { type StaffPrincipal, findInOrganization } from '../common/auth';
import { AppConfig } from '../common/config';
import {
  FileStorage,
  type UploadedImage,
  type UploadedVideo,
  absoluteUrl,
  storedUploadRef,
} from '../infra/uploads';
import { Material } from './entities/material.entity';
import { toMaterialDto } from './material-dto';
import { sanitizeRichText } from './rich-text';
import { containsPattern } from '../infra/database/like';

export const MATERIAL_NOT_FOUND = '物料不存在或已下架';

type MaterialFields = z.output<typeof createMaterialSchema>;
type ListMaterialsQuery = z.output<typeof listMaterialsQuerySchema>;

/**
 * The materials library (物料库): admins write and publish; staff see what is published; prospects open
 * published materials through shares.
 */
@Injectable()
export class MaterialsService {
  constructor(
    private readonly config: AppConfig,
    private readonly storage: FileStorage,
    @InjectRepository(Material) private readonly materials: Repository<Material>,
  ) {}

  async create(admin: StaffPrincipal, fields: MaterialFields): Promise<MaterialDto> {
    const material = this.materials.create({
      ...this.storedFields(fields),
      organizationId: admin.organizationId,
      createdByEmployeeId: admin.employeeId,
      status: 'draft',
      publishedAt: null,
    });
    return this.toDto(await this.materials.save(material));
  }

  async update(admin: StaffPrincipal, id: string, fields: MaterialFields): Promise<MaterialDto> {
    const material = await this.findInOrganization(admin, id);
    return this.toDto(await this.materials.save(this.materials.merge(material, this.storedFields(fields))));
  }

  async publish(admin: StaffPrincipal, id: string): Promise<MaterialDto> {
    const material = await this.findInOrganization(admin, id);
    // Republishing keeps the first publication date: "newest first" is by first appearance.
    const publishedAt = material.publishedAt ?? new Date();
    return this.toDto(
      await this.materials.save(this.materials.merge(material, { status: 'published', publishedAt })),
    );
  }

  async archive(admin: StaffPrincipal, id: string): Promise<MaterialDto> {
    const material = await this.findInOrganization(admin, id);
    return this.toDto(await this.materials.save(this.materials.merge(material, { status: 'archived' })));
  }

  async replaceCover(admin: StaffPrincipal, id: string, image: UploadedImage): Promise<MaterialDto> {
    const material = await this.findInOrganization(admin, id);
    const coverUrl = await this.storage.savePublic('covers', image.type, image.content);
    return this.toDto(await this.materials.save(this.materials.merge(material, { coverUrl })));
  }

  /**
   * A poster's image or a video's file. The upload is read only once the material's type says which kind of
   * file it must be.
   */
  async replaceMedia(
    admin: StaffPrincipal,
    id: string,
    readUpload: (type: 'poster' | 'video') => Promise<UploadedImage | UploadedVideo>,
  ): Promise<MaterialDto> {
    const material = await this.findInOrganization(admin, id);
    if (material.type !== 'poster' && material.type !== 'video') {
      throw new BadRequestException({
        message: '只有海报和视频可以上传媒体文件',
        fields: [{ path: 'type', message: 'only posters and videos have a media file' }],
      });
    }
    const media = await readUpload(material.type);
    const mediaUrl = await this.storage.savePublic(`${material.type}s`, media.type, media.content);
    return this.toDto(await this.materials.save(this.materials.merge(material, { mediaUrl })));
  }

  /** A picture for an article body or a product gallery; the editor places the returned link. */
  async saveImage(image: UploadedImage): Promise<UploadedFileResponse> {
    const path = await this.storage.savePublic('material-images', image.type, image.content);
    return { url: absoluteUrl(this.config.publicUrl, path) };
  }

  /** Admins see every status (or the one they ask for); everyone else sees published materials only. */
  async list(staff: StaffPrincipal, query: ListMaterialsQuery): Promise<MaterialListResponse> {
    const status = this.visibleStatus(staff, query.status);
    const builder = this.materials
      .createQueryBuilder('material')
      .where('material.organizationId = :organizationId', { organizationId: staff.organizationId });
    if (status) builder.andWhere('material.status = :status', { status });
    if (query.category) builder.andWhere('material.category = :category', { category: query.category });
    // Tags are stored as a JSON array: a tag appears in it exactly as JSON writes it.
    if (query.tag)
      builder.andWhere("material.tags LIKE :tag ESCAPE '!'", {
        tag: containsPattern(JSON.stringify(query.tag)),
      });
    if (query.q)
      builder.andWhere("(material.title LIKE :q ESCAPE '!' OR material.summary LIKE :q ESCAPE '!')", {
        q: containsPattern(query.q),
      });
    const [rows, total] = await builder
      .orderBy('material.publishedAt', 'DESC')
      .addOrderBy('material.createdAt', 'DESC')
      .addOrderBy('material.id', 'DESC')
      .skip((query.page - 1) * query.limit)
      .take(query.limit)
      .getManyAndCount();
    return { items: rows.map((row) => this.toDto(row)), total };
  }

  /** One material for staff: admins see any status, everyone else only published ones. */
  async findForStaff(staff: StaffPrincipal, id: string): Promise<MaterialDto> {
    const status = this.visibleStatus(staff, undefined);
    return this.toDto(await this.findInOrganization(staff, id, status ? { status } : {}));
  }

  /** A published material, which staff may share and prospects may open; null for anything else. */
  async findPublished(id: string, organizationId?: string): Promise<Material | null> {
    return this.materials.findOneBy({
      id,
      status: 'published',
      ...(organizationId ? { organizationId } : {}),
    });
  }

  /** Materials of the organization by id, any status (reports and tasks outlive an archiving); unknown ids are left out. */
  findManyInOrganization(organizationId: string, ids: readonly string[]): Promise<Material[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.materials.findBy({ organizationId, id: In([...new Set(ids)]) });
  }

  toDto(material: Material): MaterialDto {
    return toMaterialDto(material, this.config.publicUrl);
  }

  private visibleStatus(
    staff: StaffPrincipal,
    asked: MaterialStatus | undefined,
  ): MaterialStatus | undefined {
    return roleAtLeast(staff.role, 'admin') ? asked : 'published';
  }

  private findInOrganization(
    staff: StaffPrincipal,
    id: string,
    where: { status?: MaterialStatus } = {},
  ): Promise<Material> {
    return findInOrganization(this.materials, staff.organizationId, { id, ...where }, MATERIAL_NOT_FOUND);
  }

  /**
   * What the admin wrote, as stored: bodies sanitised, links to our own uploads kept relative. A cover left out
   * keeps the uploaded one.
   */
  private storedFields({ coverUrl, ...fields }: MaterialFields): Partial<Material> {
    const body = fields.body === undefined ? null : sanitizeRichText(fields.body);
    // Escaping "&" and "<" can lengthen a body a little; the stored one must still fit.
    if (body !== null && body.length > MATERIAL_BODY_MAX_LENGTH) {
      throw new BadRequestException({
        message: '正文过长，请精简后再保存',
        fields: [
          {
            path: 'body',
            message: `body must be at most ${MATERIAL_BODY_MAX_LENGTH} characters once cleaned`,
          },
        ],
      });
    }
    const stored = (url: string) => storedUploadRef(this.config.publicUrl, url);
    return {
      ...fields,
      body,
      mediaUrl: fields.mediaUrl ? stored(fields.mediaUrl) : null,
      images: fields.images.map(stored),
      ...(coverUrl ? { coverUrl: stored(coverUrl) } : {}),
    };
  }
}
