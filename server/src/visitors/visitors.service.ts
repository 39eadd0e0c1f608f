import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, IsNull, MoreThanOrEqual, Repository } from 'typeorm';
import { WechatUser } from '../auth/entities/wechat-user.entity';
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
  constructor(
    @InjectRepository(Visitor) private readonly visitors: Repository<Visitor>,
    @InjectRepository(VisitorIdentity) private readonly identities: Repository<VisitorIdentity>,
    @InjectRepository(WechatUser) private readonly wechatUsers: Repository<WechatUser>,
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

  findByIds(organizationId: string, visitorIds: string[]): Promise<Visitor[]> {
    if (visitorIds.length === 0) return Promise.resolve([]);
    return this.visitors.findBy({ organizationId, id: In(visitorIds) });
  }

  private async visitorIdOf(organizationId: string, identity: VisitorIdentityKey): Promise<string | null> {
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
