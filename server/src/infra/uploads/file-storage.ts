import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig } from '../../common/config';

/** Where uploads go. Local disk today; an object store later implements the same two methods. */
export abstract class FileStorage {
  /** Stores `content` under a random, unguessable name in `folder`; returns the URL path it is served at. */
  abstract savePublic(folder: string, extension: string, content: Buffer): Promise<string>;
}

/** URL prefix of public uploads (`GET /uploads/*`). */
export const PUBLIC_UPLOADS_PREFIX = '/uploads/';

/** The folder under UPLOAD_DIR whose files are served at `/uploads/`; anything else there stays private. */
export function publicUploadsRoot(config: AppConfig): string {
  return join(config.uploadDir, 'public');
}

/** A stored upload's path as a link clients can open (mini-program images need absolute links); other URLs pass through. */
export function absoluteUrl(publicUrl: string, pathOrUrl: string): string {
  return pathOrUrl.startsWith('/') ? `${publicUrl}${pathOrUrl}` : pathOrUrl;
}

/**
 * The inverse of `absoluteUrl` for our own uploads, so stored links survive a change of PUBLIC_URL; any other
 * URL is kept as given.
 */
export function storedUploadRef(publicUrl: string, url: string): string {
  const ownPrefix = `${publicUrl}${PUBLIC_UPLOADS_PREFIX}`;
  return url.startsWith(ownPrefix) ? url.slice(publicUrl.length) : url;
}

@Injectable()
export class LocalDiskFileStorage extends FileStorage {
  constructor(private readonly config: AppConfig) {
    super();
  }

  async savePublic(folder: string, extension: string, content: Buffer): Promise<string> {
    const fileName = `${randomBytes(16).toString('hex')}.${extension}`;
    const directory = join(publicUploadsRoot(this.config), folder);
    await mkdir(directory, { recursive: true });
    await writeFile(join(directory, fileName), content);
    return `${PUBLIC_UPLOADS_PREFIX}${folder}/${fileName}`;
  }
}
