import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UploadsModule } from '../infra/uploads';
import { Material } from './entities/material.entity';
import { MaterialsController } from './materials.controller';
import { MaterialsService } from './materials.service';

/** The materials library. Opening a material through a share is the shares feature's (`/api/public/materials/shares/:code`). */
@Module({
  imports: [TypeOrmModule.forFeature([Material]), UploadsModule],
  controllers: [MaterialsController],
  providers: [MaterialsService],
  exports: [MaterialsService],
})
export class MaterialsModule {}
