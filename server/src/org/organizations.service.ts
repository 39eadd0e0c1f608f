import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Organization } from './entities/organization.entity';

/** Organizations (企业) as other features see them: by id, or by the public key the site tracker names. */
@Injectable()
export class OrganizationsService {
  constructor(@InjectRepository(Organization) private readonly organizations: Repository<Organization>) {}

  findById(organizationId: string): Promise<Organization | null> {
    return this.organizations.findOneBy({ id: organizationId });
  }

  findBySlug(slug: string): Promise<Organization | null> {
    return this.organizations.findOneBy({ slug });
  }
}
