import {
  BadRequestException,
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  NotFoundException,
  createParamDecorator,
} from '@nestjs/common';
import { organizationKeySchema } from '@cardhub/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Organization } from '../org/entities/organization.entity';
import { OrganizationsService } from '../org/organizations.service';
import { isSiteOrigin } from './site-pages.service';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by SiteOriginGuard: the organization whose site is calling. */
    siteOrganization?: Organization;
  }
}

/**
 * The door of the tracker's endpoints (`/api/site/:organizationKey/...`): the key must name an organization
 * (else 400 or 404) and the request must come from one of its listed site origins (else 403, without CORS
 * headers, so the browser hands the page nothing). Only then CORS is granted, to that origin alone, and
 * before the body is validated, so the page can read why a submission was refused.
 */
@Injectable()
export class SiteOriginGuard implements CanActivate {
  constructor(private readonly organizations: OrganizationsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    // Whatever the answer, it depends on the Origin: caches must not hand one site's answer to another.
    void reply.header('Vary', 'Origin');

    const { organizationKey } = request.params as { organizationKey?: string };
    if (!organizationKeySchema.safeParse(organizationKey).success) {
      throw new BadRequestException({
        message: '企业标识无效',
        fields: [
          { path: 'organizationKey', message: 'organizationKey must be an organization key (data-org)' },
        ],
      });
    }
    const organization = await this.organizations.findBySlug(organizationKey!);
    if (!organization) throw new NotFoundException('企业不存在');

    const origin = request.headers.origin;
    if (!isSiteOrigin(organization, origin)) {
      throw new ForbiddenException({
        message: '该网站不是本企业登记的官网，不接收数据',
        fields: [
          { path: 'Origin', message: "the Origin header must be one of the organization's site origins" },
        ],
      });
    }
    void reply
      .header('Access-Control-Allow-Origin', origin!)
      // sendBeacon's text/plain requests are no-cors: helmet's default same-origin policy would block the answer.
      .header('Cross-Origin-Resource-Policy', 'cross-origin');
    request.siteOrganization = organization;
    return true;
  }
}

/** The organization SiteOriginGuard admitted. */
export const SiteOrganization = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Organization => {
    const organization = context.switchToHttp().getRequest<FastifyRequest>().siteOrganization;
    if (!organization) throw new Error('SiteOrganization needs SiteOriginGuard on the route');
    return organization;
  },
);
