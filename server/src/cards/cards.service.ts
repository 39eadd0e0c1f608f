import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CardDto, updateCardSchema } from '@cardhub/shared';
import { Repository } from 'typeorm';
import type { z } from 'zod';
import type { StaffPrincipal } from '../common/auth';
import { PublicReadCache } from '../common/cache';
import { AppConfig } from '../common/config';
import { FileStorage, type UploadedImage } from '../infra/uploads';
import { Employee } from '../org/entities/employee.entity';
import { Organization } from '../org/entities/organization.entity';
import { type CardWithOrganization, toCardDto } from './card-dto';
import { Card } from './entities/card.entity';

export const CARD_NOT_FOUND = '名片不存在或已失效';

/** Cards (名片): an employee edits their own; anyone may read the card of a member of staff who is not disabled. */
@Injectable()
export class CardsService {
  constructor(
    private readonly config: AppConfig,
    private readonly storage: FileStorage,
    private readonly publicReads: PublicReadCache,
    @InjectRepository(Card) private readonly cards: Repository<Card>,
  ) {}

  async findMine(staff: StaffPrincipal): Promise<CardDto> {
    return this.toDto({ card: await this.myCard(staff), organizationName: staff.organizationName });
  }

  async updateMine(staff: StaffPrincipal, fields: z.output<typeof updateCardSchema>): Promise<CardDto> {
    const card = await this.myCard(staff);
    const saved = await this.cards.save(this.cards.merge(card, fields));
    this.publicReads.clear();
    return this.toDto({ card: saved, organizationName: staff.organizationName });
  }

  async replaceAvatar(staff: StaffPrincipal, image: UploadedImage): Promise<CardDto> {
    const card = await this.myCard(staff);
    const avatarUrl = await this.storage.savePublic('avatars', image.type, image.content);
    const saved = await this.cards.save(this.cards.merge(card, { avatarUrl }));
    this.publicReads.clear();
    return this.toDto({ card: saved, organizationName: staff.organizationName });
  }

  /** A card that may be shown and shared: its employee is not disabled. Null otherwise, like an unknown id. */
  findActive(cardId: string): Promise<CardWithOrganization | null> {
    return this.findActiveWhere('card.id = :cardId', { cardId });
  }

  /** The card of an employee who is not disabled (a material's footer shows the sharer's card), or null. */
  findActiveOfEmployee(employeeId: string): Promise<CardWithOrganization | null> {
    return this.findActiveWhere('card.employeeId = :employeeId', { employeeId });
  }

  /** Like `findActive`, but a missing card is the 404 a visitor sees. */
  async findActiveOrFail(cardId: string): Promise<CardWithOrganization> {
    const found = await this.findActive(cardId);
    if (!found) throw new NotFoundException(CARD_NOT_FOUND);
    return found;
  }

  toDto(card: CardWithOrganization): CardDto {
    return toCardDto(card, this.config.publicUrl);
  }

  private async findActiveWhere(
    condition: string,
    parameters: Record<string, string>,
  ): Promise<CardWithOrganization | null> {
    const { entities, raw } = await this.cards
      .createQueryBuilder('card')
      .innerJoin(Employee, 'employee', 'employee.id = card.employeeId')
      .innerJoin(Organization, 'organization', 'organization.id = card.organizationId')
      .addSelect('organization.name', 'organizationName')
      .where(condition, parameters)
      .andWhere('employee.status != :disabled', { disabled: 'disabled' })
      .getRawAndEntities<{ organizationName: string }>();
    const card = entities[0];
    return card ? { card, organizationName: raw[0]!.organizationName } : null;
  }

  private async myCard(staff: StaffPrincipal): Promise<Card> {
    const card = await this.cards.findOneBy({
      employeeId: staff.employeeId,
      organizationId: staff.organizationId,
    });
    if (!card) throw new NotFoundException('你还没有名片，请联系管理员');
    return card;
  }
}
