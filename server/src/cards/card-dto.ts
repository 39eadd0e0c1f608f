import type { CardDto } from '@cardhub/shared';
import { absoluteUrl } from '../infra/uploads';
import type { Card } from './entities/card.entity';

/** A card with the name of its organization: everything a `CardDto` is made of. */
export interface CardWithOrganization {
  card: Card;
  organizationName: string;
}

/** The one mapping from a stored card to what clients see. Our own uploads become absolute links (mini-program images need them). */
export function toCardDto({ card, organizationName }: CardWithOrganization, publicUrl: string): CardDto {
  return {
    id: card.id,
    employeeId: card.employeeId,
    name: card.name,
    title: card.title,
    company: card.company,
    avatarUrl: card.avatarUrl ? absoluteUrl(publicUrl, card.avatarUrl) : null,
    phone: card.phone,
    wechatId: card.wechatId,
    email: card.email,
    address: card.address,
    bio: card.bio,
    siteUrl: card.siteUrl,
    organizationName,
    updatedAt: card.updatedAt.toISOString(),
  };
}
