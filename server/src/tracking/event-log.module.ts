import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TrackedEvent } from './entities/tracked-event.entity';
import { EventLog } from './event-log';
import { VisitTokens } from './visit-tokens';

/** The event log and visit tokens, apart from the ingest routes so that shares and the radar can use them without a cycle. */
@Module({
  imports: [TypeOrmModule.forFeature([TrackedEvent])],
  providers: [EventLog, VisitTokens],
  exports: [EventLog, VisitTokens],
})
export class EventLogModule {}
