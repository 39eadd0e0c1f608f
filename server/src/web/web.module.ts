import { Module } from '@nestjs/common';
import { SharesModule } from '../shares/shares.module';
import { LinkPreviewController } from './link-preview.controller';
import { StaticHosting } from './static-hosting';

/** The browser-facing side: the H5 app, uploads, and share-link previews. */
@Module({
  imports: [SharesModule],
  controllers: [LinkPreviewController],
  providers: [StaticHosting],
})
export class WebModule {}
