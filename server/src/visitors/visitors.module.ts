import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WechatUser } from '../auth/entities/wechat-user.entity';
import { PrivacyModule } from '../privacy/privacy.module';
import { SharesModule } from '../shares/shares.module';
import { EventLogModule } from '../tracking/event-log.module';
import { VisitorIdentity } from './entities/visitor-identity.entity';
import { Visitor } from './entities/visitor.entity';
import { VisitorsService } from './visitors.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Visitor, VisitorIdentity, WechatUser]),
    EventLogModule,
    PrivacyModule,
    SharesModule,
  ],
  providers: [VisitorsService],
  exports: [VisitorsService],
})
export class VisitorsModule {}
