import { Injectable } from '@nestjs/common';
import { h5ShareUrl, miniProgramPage, shareScene } from '@cardhub/shared';
import { AppConfig } from '../common/config';
import { ScanCodesService } from '../wechat/scan-codes.service';
import type { Share } from './entities/share.entity';

/** Scannable images of a share: WeChat's mini-program code and a plain QR code of the H5 link. */
@Injectable()
export class ShareImagesService {
  constructor(
    private readonly config: AppConfig,
    private readonly scanCodes: ScanCodesService,
  ) {}

  miniProgramCode(share: Share): Promise<Buffer> {
    // The page alone: a mini-program code carries the share code as `scene`, not in a query.
    return this.scanCodes.miniProgramCode(share.code, {
      scene: shareScene(share.code),
      page: miniProgramPage(share.targetType),
    });
  }

  qrCodeSvg(share: Share): Promise<string> {
    return this.scanCodes.qrCodeSvg(h5ShareUrl(this.config.publicUrl, share.code));
  }
}
