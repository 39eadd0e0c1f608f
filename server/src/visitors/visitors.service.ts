import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ErasureReport } from '@cardhub/shared';
import { randomUUID } from 'node:crypto';
import { In, IsNull, LessThan, MoreThanOrEqual, Repository } from 'typeorm';
import { WechatUser } from '../auth/entities/wechat-user.entity';
import { ConsentsService } from '../privacy/consents.service';
import { SharesService } from '../shares/shares.service';
import { EventLog } from '../tracking/event-log';
import { VisitorIdentity, type VisitorIdentityKind } from './entities/visitor-identity.entity';
import { Visitor } from './entities/visitor.entity';

/** A pseudonymous id a visitor arrives with: a browser's own key, or their mini-program openid. */
export interface VisitorIdentityKey {
  kind: Extract<VisitorIdentityKind, 'web' | 'openid'>;
  value: string;
}

/** The share that brought a visitor, and the employee credited with it. */
export interface FirstTouch {
  shareId: string;
  employeeId: string;
}

/** Prospects (访客) of an organization, found by any of their identities. */
@Injectable()
export class VisitorsService {
  /** Features that keep rows per visitor (leads) move them when two visitors become one. */
  private readonly mergeListeners: ((
    organizationId: string,
    mergedId: string,
    keptId: string,
  ) => Promise<void>)[] = [];

  /** Features that keep rows per visitor (leads) anonymise them when the person is erased. */
  private readonly eraseListeners: ((
    organizationId: string,
    erasedId: string,
    pseudonymId: string,
  ) => Promise<Partial<ErasureReport>>)[] = [];

  constructor(
    @InjectRepository(Visitor) private readonly visitors: Repository<Visitor>,
    @InjectRepository(VisitorIdentity) private readonly identities: Repository<VisitorIdentity>,
    @InjectRepository(WechatUser) private readonly wechatUsers: Repository<WechatUser>,
    private readonly eventLog: EventLog,
    private readonly consents: ConsentsService,
    private readonly shares: SharesService,
  ) {}

  /** The identity a WeChat-logged-in prospect is known by: their openid (null if the login no longer exists). */
  async wechatIdentity(wechatUserId: string): Promise<VisitorIdentityKey | null> {
    const user = await this.wechatUsers.findOneBy({ id: wechatUserId });
    return user ? { kind: 'openid', value: user.openid } : null;
  }

  /**
   * The visitor behind `identity` in this organization, created on first sight. The first share that brought
   * them is kept for good (first-touch attribution); every call moves `lastSeenAt`.
   */
  async resolve(
    organizationId: string,
    identity: VisitorIdentityKey,
    touch: FirstTouch | null,
    now = new Date(),
  ): Promise<Visitor> {
    const visitorId =
      (await this.visitorIdOf(organizationId, identity)) ??
      (await this.create(organizationId, identity, touch, now));
    await this.visitors.update({ id: visitorId }, { lastSeenAt: now });
    if (touch) {
      // Conditional, so of two first visits racing only one sets the owner.
      await this.visitors.update(
        { id: visitorId, firstEmployeeId: IsNull() },
        { firstShareId: touch.shareId, firstEmployeeId: touch.employeeId },
      );
    }
    return this.visitors.findOneByOrFail({ id: visitorId });
  }

  /** Ids of the visitors seen since a time (not merged into another), for jobs that walk them all. */
  async idsSeenSince(organizationId: string, since: Date): Promise<string[]> {
    const rows = await this.visitors.find({
      select: { id: true },
      where: { organizationId, lastSeenAt: MoreThanOrEqual(since), mergedIntoVisitorId: IsNull() },
      order: { lastSeenAt: 'DESC' },
    });
    return rows.map((row) => row.id);
  }

  /** The visitor known by `identity`, without creating one. */
  findIdOf(organizationId: string, identity: VisitorIdentityKey): Promise<string | null> {
    return this.visitorIdOf(organizationId, identity);
  }

  /**
   * Gives the visitor a phone number (and the name they typed beside it). The caller has recorded the consent
   * that covers it. A phone already known for another visitor of the organization means one person: the two
   * are merged, and the visitor that remains is returned.
   */
  async attachPhone(
    organizationId: string,
    visitorId: string,
    phone: string,
    name: string | null = null,
  ): Promise<Visitor> {
    const person = await this.attachIdentity(organizationId, visitorId, { kind: 'phone', value: phone });
    await this.visitors.update({ id: person }, { phone, ...(name ? { name } : {}) });
    return this.visitors.findOneByOrFail({ id: person });
  }

  /**
   * A WeChat user's unionid is the same in every app of the company's WeChat account: a visitor already known
   * by it (from another app) is the same person, and the two become one.
   */
  async stitchWechat(organizationId: string, visitor: Visitor, wechatUserId: string): Promise<Visitor> {
    const user = await this.wechatUsers.findOneBy({ id: wechatUserId });
    if (!user?.unionid) return visitor;
    const person = await this.attachIdentity(organizationId, visitor.id, {
      kind: 'unionid',
      value: user.unionid,
    });
    return person === visitor.id ? visitor : this.visitors.findOneByOrFail({ id: person });
  }

  /** Gives the visitor one more identity; one that already names another visitor makes the two one person. */
  private async attachIdentity(
    organizationId: string,
    visitorId: string,
    identity: { kind: 'phone' | 'unionid'; value: string },
  ): Promise<string> {
    let holderId = await this.visitorIdOf(organizationId, identity);
    if (!holderId) {
      try {
        await this.identities.insert({ id: randomUUID(), organizationId, visitorId, ...identity });
        holderId = visitorId;
      } catch (error) {
        // Another request gave the same identity at the same moment: the unique index kept theirs.
        holderId = await this.visitorIdOf(organizationId, identity);
        if (!holderId) throw error;
      }
    }
    return holderId === visitorId ? visitorId : (await this.merge(organizationId, visitorId, holderId)).id;
  }

  /**
   * Two visitors turn out to be one person: the one first seen remains, with every identity, event, consent
   * and forward of the other; the first touch is the earliest one either had. The other is kept as a pointer
   * (`mergedIntoVisitorId`). Each step can be repeated, so a merge cut short completes when tried again.
   */
  onMerge(listener: (organizationId: string, mergedId: string, keptId: string) => Promise<void>): void {
    this.mergeListeners.push(listener);
  }

  async merge(organizationId: string, oneId: string, otherId: string): Promise<Visitor> {
    const [one, other] = await Promise.all([
      this.visitors.findOneByOrFail({ organizationId, id: oneId }),
      this.visitors.findOneByOrFail({ organizationId, id: otherId }),
    ]);
    if (one.id === other.id) return one;
    const [kept, merged] = firstSeenFirst(one, other);
    const touch = kept.firstEmployeeId ? kept : merged.firstEmployeeId ? merged : kept;

    await this.visitors.update({ id: merged.id }, { mergedIntoVisitorId: kept.id });
    await this.identities.update({ organizationId, visitorId: merged.id }, { visitorId: kept.id });
    await this.eventLog.moveToVisitor(organizationId, merged.id, kept.id);
    await this.consents.moveToVisitor(organizationId, merged.id, kept.id);
    await this.shares.moveSharerVisitor(organizationId, merged.id, kept.id);
    await this.visitors.update(
      { id: kept.id },
      {
        firstShareId: touch.firstShareId,
        firstEmployeeId: touch.firstEmployeeId,
        lastSeenAt: new Date(Math.max(kept.lastSeenAt.getTime(), merged.lastSeenAt.getTime())),
        name: kept.name ?? merged.name,
        avatarUrl: kept.avatarUrl ?? merged.avatarUrl,
        phone: kept.phone ?? merged.phone,
      },
    );
    for (const listener of this.mergeListeners) await listener(organizationId, merged.id, kept.id);
    return this.visitors.findOneByOrFail({ id: kept.id });
  }

  onErase(
    listener: (
      organizationId: string,
      erasedId: string,
      pseudonymId: string,
    ) => Promise<Partial<ErasureReport>>,
  ): void {
    this.eraseListeners.push(listener);
  }

  /**
   * Erasure (删除权, PIPL art. 47): the person's row, identities, consents and every visitor merged into them
   * go; their events, forwards and lead move to a fresh pseudonymous visitor (`erasedAt` set) that keeps only
   * what counting needs (first touch, first and last seen), with user agents and typed fields stripped. One
   * fresh id for one person, so distinct-visitor counts are the same before and after, and from raw events.
   */
  async erase(organizationId: string, visitorId: string, now = new Date()): Promise<ErasureReport> {
    const visitor = await this.visitors.findOneByOrFail({ organizationId, id: visitorId });
    const pseudonymId = randomUUID();
    await this.visitors.insert({
      id: pseudonymId,
      organizationId,
      firstShareId: visitor.firstShareId,
      firstEmployeeId: visitor.firstEmployeeId,
      firstSeenAt: visitor.firstSeenAt,
      lastSeenAt: visitor.lastSeenAt,
      erasedAt: now,
    });
    const eventsUnlinked = await this.eventLog.moveToVisitor(organizationId, visitorId, pseudonymId);
    await this.eventLog.stripPersonalDetails(organizationId, { visitorId: pseudonymId });
    await this.shares.moveSharerVisitor(organizationId, visitorId, pseudonymId);
    let report: ErasureReport = {
      identities: 0,
      consents: 0,
      eventsUnlinked,
      followUps: 0,
      leadAnonymised: false,
    };
    for (const listener of this.eraseListeners) {
      report = { ...report, ...(await listener(organizationId, visitorId, pseudonymId)) };
    }
    const rows = [visitorId, ...(await this.mergedInto(organizationId, visitorId))];
    const identities = await this.identities.delete({ organizationId, visitorId: In(rows) });
    let consents = 0;
    for (const id of rows) consents += await this.consents.eraseOf(organizationId, id);
    await this.visitors.delete({ organizationId, id: In(rows) });
    return { ...report, identities: identities.affected ?? 0, consents };
  }

  /** Visitors not seen since `cutoff` whose data the retention limit erases (pseudonyms are left alone). */
  async idsInactiveBefore(organizationId: string, cutoff: Date): Promise<string[]> {
    const rows = await this.visitors.find({
      select: { id: true },
      where: {
        organizationId,
        lastSeenAt: LessThan(cutoff),
        mergedIntoVisitorId: IsNull(),
        erasedAt: IsNull(),
      },
    });
    return rows.map((row) => row.id);
  }

  /** The visitor a (possibly merged) id now lives on; null once the person was erased. */
  async currentVisitor(organizationId: string, visitorId: string): Promise<Visitor | null> {
    let visitor = await this.visitors.findOneBy({ organizationId, id: visitorId });
    for (let hops = 0; visitor?.mergedIntoVisitorId && hops < 20; hops += 1) {
      visitor = await this.visitors.findOneBy({ organizationId, id: visitor.mergedIntoVisitorId });
    }
    return visitor && !visitor.erasedAt && !visitor.mergedIntoVisitorId ? visitor : null;
  }

  /** The identities a person is known by, oldest first (for their export). */
  identitiesOf(organizationId: string, visitorId: string): Promise<VisitorIdentity[]> {
    return this.identities.find({ where: { organizationId, visitorId }, order: { createdAt: 'ASC' } });
  }

  /** Every visitor row merged into this one, directly or through another (pointers may hold old fields). */
  private async mergedInto(organizationId: string, visitorId: string): Promise<string[]> {
    const found: string[] = [];
    let frontier = [visitorId];
    while (frontier.length > 0) {
      const rows = await this.visitors.find({
        select: { id: true },
        where: { organizationId, mergedIntoVisitorId: In(frontier) },
      });
      frontier = rows.map((row) => row.id).filter((id) => !found.includes(id));
      found.push(...frontier);
    }
    return found;
  }

  findByIds(organizationId: string, visitorIds: string[]): Promise<Visitor[]> {
    if (visitorIds.length === 0) return Promise.resolve([]);
    return this.visitors.findBy({ organizationId, id: In(visitorIds) });
  }

  private async visitorIdOf(
    organizationId: string,
    identity: { kind: VisitorIdentityKind; value: string },
  ): Promise<string | null> {
    const row = await this.identities.findOneBy({
      organizationId,
      kind: identity.kind,
      value: identity.value,
    });
    return row?.visitorId ?? null;
  }

  /**
   * Without a transaction (SQLite cannot run two at once on its one connection): the visitor row goes in
   * first, then the identity, whose unique index decides a race; the loser removes its unused visitor row.
   */
  private async create(
    organizationId: string,
    identity: VisitorIdentityKey,
    touch: FirstTouch | null,
    now: Date,
  ): Promise<string> {
    const visitorId = randomUUID();
    await this.visitors.insert({
      id: visitorId,
      organizationId,
      firstShareId: touch?.shareId ?? null,
      firstEmployeeId: touch?.employeeId ?? null,
      firstSeenAt: now,
      lastSeenAt: now,
    });
    try {
      await this.identities.insert({ id: randomUUID(), organizationId, visitorId, ...identity });
      return visitorId;
    } catch (error) {
      const winner = await this.visitorIdOf(organizationId, identity);
      if (!winner) throw error;
      await this.visitors.delete({ id: visitorId });
      return winner;
    }
  }
}

/** The two visitors, the one first seen first (ties broken by id, so both orders give the same answer). */
function firstSeenFirst(one: Visitor, other: Visitor): [Visitor, Visitor] {
  const difference = one.firstSeenAt.getTime() - other.firstSeenAt.getTime();
  return difference < 0 || (difference === 0 && one.id < other.id) ? [one, other] : [other, one];
}
