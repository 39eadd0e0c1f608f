import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CardsModule } from '../cards/cards.module';
import { EventLogModule } from '../tracking/event-log.module';
import { WechatModule } from '../wechat/wechat.module';
import { Share } from './entities/share.entity';
import { PublicSharesController } from './public-shares.controller';
import { ShareImagesService } from './share-images.service';
import { SharesController } from './shares.controller';
import { SharesService } from './shares.service';

@Module({
  imports: [TypeOrmModule.forFeature([Share]), CardsModule, EventLogModule, WechatModule],
  controllers: [SharesController, PublicSharesController],
  providers: [SharesService, ShareImagesService],
  exports: [SharesService],
})
export class SharesModule {}
