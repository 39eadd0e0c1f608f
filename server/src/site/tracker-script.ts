import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** server/dist/tracker/t.js (scripts/build-tracker.mjs), from src/site (tests) and dist/site alike. */
export const TRACKER_SCRIPT_FILE = join(__dirname, '..', '..', 'dist', 'tracker', 't.js');

export interface TrackerScriptFile {
  source: Buffer;
  gzipped: Buffer;
  etag: string;
}

/** The built tracker, read and compressed once at startup: every page of every customer site asks for it. */
@Injectable()
export class TrackerScript implements OnModuleInit {
  private readonly logger = new Logger(TrackerScript.name);
  private file: TrackerScriptFile | null = null;

  onModuleInit(): void {
    if (!existsSync(TRACKER_SCRIPT_FILE)) {
      this.logger.warn(`No site tracker at ${TRACKER_SCRIPT_FILE}: build it with the server's build script`);
      return;
    }
    const source = readFileSync(TRACKER_SCRIPT_FILE);
    this.file = {
      source,
      gzipped: gzipSync(source, { level: 9 }),
      etag: `"${createHash('sha256').update(source).digest('base64url').slice(0, 16)}"`,
    };
  }

  /** Null when the server was started without building the tracker. */
  get(): TrackerScriptFile | null {
    return this.file;
  }
}
