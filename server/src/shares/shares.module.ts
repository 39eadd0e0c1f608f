import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CardsModule } from '../cards/cards.module';
import { MaterialsModule } from '../materials/materials.module';
import { SitePagesModule } from '../site/site-pages.module';
import { EventLogModule } from '../tracking/event-log.module';
import { WechatModule } from '../wechat/wechat.module';
import { Share } from './entities/share.entity';
import { MySharesController } from './my-shares.controller';
import { MySharesService } from './my-shares.service';
import { PublicCardRoute } from './public-card.route';
import { PublicMaterialSharesController } from './public-shares.controller';
import { ShareImagesService } from './share-images.service';
import { SharesController } from './shares.controller';
import { SharesService } from './shares.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Share]),
    CardsModule,
    MaterialsModule,
    EventLogModule,
    SitePagesModule,
    WechatModule,
  ],
  controllers: [SharesController, MySharesController, PublicMaterialSharesController],
  providers: [SharesService, MySharesService, ShareImagesService, PublicCardRoute],
  exports: [SharesService],
})
export class SharesModule {}
