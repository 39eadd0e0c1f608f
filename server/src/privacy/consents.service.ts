import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Touchpoint } from '@cardhub/shared';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { Consent } from './entities/consent.entity';

/** Why a person gave personal information; each purpose is agreed to on its own. */
export type ConsentPurpose = 'contact_me' | 'show_profile_to_employee' | 'personalised_marketing';

export interface ConsentGiven {
  organizationId: string;
  visitorId: string;
  purpose: ConsentPurpose;
  policyVersion: string;
  touchpoint: Touchpoint;
}

/** Consents (PIPL): recorded before the personal information they cover is stored. */
@Injectable()
export class ConsentsService {
  constructor(@InjectRepository(Consent) private readonly consents: Repository<Consent>) {}

  async record(consent: ConsentGiven): Promise<void> {
    await this.consents.insert({ id: randomUUID(), ...consent, granted: true, withdrawnAt: null });
  }

  /** A merged visitor's consents stay with the person: they move to the visitor that remains. */
  async moveToVisitor(organizationId: string, fromVisitorId: string, toVisitorId: string): Promise<void> {
    await this.consents.update({ organizationId, visitorId: fromVisitorId }, { visitorId: toVisitorId });
  }
}
