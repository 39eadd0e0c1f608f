import { Injectable } from '@nestjs/common';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { AppConfig } from '../common/config';
import { type MiniProgramCodeRequest, WechatClient } from './wechat.client';

/**
 * Scannable images: WeChat's mini-program codes, cached on disk (WeChat rate-limits them and a code never
 * changes), and plain QR codes of browser links.
 */
@Injectable()
export class ScanCodesService {
  constructor(
    private readonly config: AppConfig,
    private readonly wechat: WechatClient,
  ) {}

  /** `cacheName` identifies the code for good (a share or invitation code): letters, digits, "-" and "_". */
  async miniProgramCode(cacheName: string, request: MiniProgramCodeRequest): Promise<Buffer> {
    if (!/^[\w-]+$/.test(cacheName)) throw new Error(`unsafe cache name: ${cacheName}`);
    const directory = join(this.config.uploadDir, 'cache', 'wxacode');
    const file = join(directory, `${cacheName}.png`);
    const cached = await readFile(file).catch(() => null);
    if (cached) return cached;
    const png = await this.wechat.getUnlimitedMiniProgramCode(request);
    await mkdir(directory, { recursive: true });
    await writeFile(file, png);
    return png;
  }

  qrCodeSvg(url: string): Promise<string> {
    return QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  }
}
