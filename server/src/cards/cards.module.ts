import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CardsService } from './cards.service';
import { Card } from './entities/card.entity';
import { FileStorage, LocalDiskFileStorage } from './file-storage';
import { MyCardController } from './my-card.controller';
import { PublicCardsController } from './public-cards.controller';

@Module({
  imports: [TypeOrmModule.forFeature([Card])],
  controllers: [MyCardController, PublicCardsController],
  providers: [CardsService, { provide: FileStorage, useClass: LocalDiskFileStorage }],
  exports: [CardsService],
})
export class CardsModule {}
