import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  CONSENT_PURPOSES,
  CONSENT_PURPOSE_LABELS,
  type ConsentPurpose,
  type ConsentState,
  type PrivacyStatus,
  type Touchpoint,
} from '@cardhub/shared';
import { randomUUID } from 'node:crypto';
import { In, IsNull, Repository } from 'typeorm';
import { Consent } from './entities/consent.entity';

export type { ConsentPurpose } from '@cardhub/shared';

export interface ConsentGiven {
  organizationId: string;
  visitorId: string;
  purpose: ConsentPurpose;
  policyVersion: string;
  touchpoint: Touchpoint;
}

type ConsentChangeListener = (
  organizationId: string,
  visitorId: string,
  purpose: ConsentPurpose,
) => Promise<void>;

/**
 * Consents (PIPL): recorded before the personal information they cover is stored. Saying no is recorded too, as
 * a refusal row (`granted` false); while it stands, nothing more is collected for that purpose, even with a
 * ticked box, until the person says yes again on the privacy page.
 */
@Injectable()
export class ConsentsService {
  private readonly changeListeners: ConsentChangeListener[] = [];

  constructor(@InjectRepository(Consent) private readonly consents: Repository<Consent>) {}

  /** Features that act on a person's choices (scoring stops after an opt-out) hear of each change. */
  onChange(listener: ConsentChangeListener): void {
    this.changeListeners.push(listener);
  }

  /** The consent that comes with a collection of personal data (a ticked box): refused after a withdrawal. */
  async record(consent: ConsentGiven): Promise<void> {
    if (await this.hasWithdrawn(consent.organizationId, consent.visitorId, consent.purpose)) {
      throw new ConflictException({
        message: '你已撤回该项授权，我们不再收集相关个人信息；如需恢复，请在「隐私与数据」中重新同意',
        fields: [{ path: 'consent', message: `consent to ${consent.purpose} was withdrawn by the person` }],
      });
    }
    await this.insert(consent, true);
  }

  /** The person's own choice on the privacy page: withdraw (or opt out) with `granted` false, give again with true. */
  async choose(consent: ConsentGiven, granted: boolean, now = new Date()): Promise<void> {
    const { organizationId, visitorId, purpose } = consent;
    // Whatever stood before is superseded: the grants on a withdrawal, the refusal on a new yes.
    await this.consents.update(
      { organizationId, visitorId, purpose, granted: !granted, withdrawnAt: IsNull() },
      { withdrawnAt: now },
    );
    await this.insert(consent, granted);
    for (const listener of this.changeListeners) await listener(organizationId, visitorId, purpose);
  }

  async hasWithdrawn(organizationId: string, visitorId: string, purpose: ConsentPurpose): Promise<boolean> {
    return (await this.withdrawnAmong(organizationId, [visitorId], purpose)).has(visitorId);
  }

  /** Which of these visitors have withdrawn (or refused) consent to the purpose, and not given it again. */
  async withdrawnAmong(
    organizationId: string,
    visitorIds: readonly string[],
    purpose: ConsentPurpose,
  ): Promise<Set<string>> {
    if (visitorIds.length === 0) return new Set();
    const refusals = await this.consents.find({
      select: { visitorId: true },
      where: {
        organizationId,
        visitorId: In([...visitorIds]),
        purpose,
        granted: false,
        withdrawnAt: IsNull(),
      },
    });
    return new Set(refusals.map((refusal) => refusal.visitorId));
  }

  async statusOf(organizationId: string, visitorId: string): Promise<PrivacyStatus['purposes']> {
    const rows = await this.consents.find({
      where: { organizationId, visitorId, withdrawnAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
    return CONSENT_PURPOSES.map((purpose) => {
      const refusal = rows.find((row) => row.purpose === purpose && !row.granted);
      const grant = rows.find((row) => row.purpose === purpose && row.granted);
      const state: ConsentState = refusal ? 'withdrawn' : grant ? 'granted' : 'none';
      const at = (refusal ?? grant)?.createdAt.toISOString() ?? null;
      return { purpose, label: CONSENT_PURPOSE_LABELS[purpose], state, at };
    });
  }

  /** Every consent and refusal the person gave, oldest first (for their export). */
  ofVisitor(organizationId: string, visitorId: string): Promise<Consent[]> {
    return this.consents.find({ where: { organizationId, visitorId }, order: { createdAt: 'ASC' } });
  }

  /** A merged visitor's consents stay with the person: they move to the visitor that remains. */
  async moveToVisitor(organizationId: string, fromVisitorId: string, toVisitorId: string): Promise<void> {
    await this.consents.update({ organizationId, visitorId: fromVisitorId }, { visitorId: toVisitorId });
  }

  /** Erasure: the person's consent records go with the rest of their personal data. Returns how many. */
  async eraseOf(organizationId: string, visitorId: string): Promise<number> {
    const result = await this.consents.delete({ organizationId, visitorId });
    return result.affected ?? 0;
  }

  private async insert(consent: ConsentGiven, granted: boolean): Promise<void> {
    await this.consents.insert({ id: randomUUID(), ...consent, granted, withdrawnAt: null });
  }
}
