import { Injectable } from '@nestjs/common';
import { h5ShareUrl, miniProgramPage, shareScene } from '@cardhub/shared';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { AppConfig } from '../common/config';
import { WechatClient } from '../wechat/wechat.client';
import type { Share } from './entities/share.entity';

/** Scannable images of a share: WeChat's mini-program code (cached: WeChat rate-limits it) and a plain QR code of the H5 link. */
@Injectable()
export class ShareImagesService {
  constructor(
    private readonly config: AppConfig,
    private readonly wechat: WechatClient,
  ) {}

  async miniProgramCode(share: Share): Promise<Buffer> {
    const directory = join(this.config.uploadDir, 'cache', 'wxacode');
    const file = join(directory, `${share.code}.png`);
    const cached = await readFile(file).catch(() => null);
    if (cached) return cached;
    // The page alone: a mini-program code carries the share code as `scene`, not in a query.
    const page = miniProgramPage(share.targetType);
    const png = await this.wechat.getUnlimitedMiniProgramCode({ scene: shareScene(share.code), page });
    await mkdir(directory, { recursive: true });
    await writeFile(file, png);
    return png;
  }

  qrCodeSvg(share: Share): Promise<string> {
    return QRCode.toString(h5ShareUrl(this.config.publicUrl, share.code), {
      type: 'svg',
      margin: 1,
      errorCorrectionLevel: 'M',
    });
  }
}
