import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SitePage } from './entities/site-page.entity';
import { SitePagesService } from './site-pages.service';

/** Site pages on their own, so that shares can target them without importing the site's routes (no cycle). */
@Module({
  imports: [TypeOrmModule.forFeature([SitePage])],
  providers: [SitePagesService],
  exports: [SitePagesService],
})
export class SitePagesModule {}
