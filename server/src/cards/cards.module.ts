import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UploadsModule } from '../infra/uploads';
import { CardsService } from './cards.service';
import { Card } from './entities/card.entity';
import { MyCardController } from './my-card.controller';
import { PublicCardsController } from './public-cards.controller';

@Module({
  imports: [TypeOrmModule.forFeature([Card]), UploadsModule],
  controllers: [MyCardController, PublicCardsController],
  providers: [CardsService],
  exports: [CardsService],
})
export class CardsModule {}
