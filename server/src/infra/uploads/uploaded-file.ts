import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import { Busboy } from '@fastify/busboy';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The multipart field every upload uses. */
export const UPLOAD_FIELD = 'file';

/** OpenAPI body of an upload route. */
export const UPLOAD_BODY = {
  schema: {
    type: 'object' as const,
    required: [UPLOAD_FIELD],
    properties: { [UPLOAD_FIELD]: { type: 'string' as const, format: 'binary' } },
  },
};

export interface UploadLimit {
  maxBytes: number;
  /** What the user uploads, in their words ("图片", "视频"), for the error messages. */
  noun: string;
}

export interface UploadedFile {
  content: Buffer;
  /** As the client named it: for display only, never for deciding the type. */
  fileName: string;
}

export const formatMegabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

const MULTIPART = /^multipart\/form-data\b/i;

/**
 * Leaves multipart bodies unread for the upload routes, which stream them through `readUploadedFile`
 * with their own size limit. A plugin would do the same but puts two hooks on every answer, uploads or not.
 */
export function acceptMultipartBodies(fastify: FastifyInstance) {
  fastify.addContentTypeParser('multipart/form-data', (_request, _payload, done) => done(null));
}

/** The one file of a multipart upload, whole, refused with 413 as soon as it passes `limit.maxBytes`. */
export function readUploadedFile(request: FastifyRequest, limit: UploadLimit): Promise<UploadedFile> {
  const refused = (message: string, required = `${UPLOAD_FIELD} is required`) =>
    new BadRequestException({ message, fields: [{ path: UPLOAD_FIELD, message: required }] });
  const contentType = request.headers['content-type'];
  if (!contentType || !MULTIPART.test(contentType)) {
    return Promise.reject(
      refused(
        `请以 multipart/form-data 上传${limit.noun}`,
        `${UPLOAD_FIELD} is required (multipart/form-data)`,
      ),
    );
  }
  const unreadable = () => refused(`无法读取上传的${limit.noun}，请重新上传`);
  const raw = request.raw;

  // The first outcome is the answer: a promise ignores any later resolve or reject.
  return new Promise<UploadedFile>((resolve, reject) => {
    let parser: ReturnType<typeof Busboy>;
    try {
      // Fields besides the file are skipped; the limits only bound how much of a hostile form is parsed.
      parser = Busboy({
        headers: { ...raw.headers, 'content-type': contentType },
        limits: { fileSize: limit.maxBytes, files: 1, fields: 10, parts: 11 },
      });
    } catch {
      reject(unreadable()); // no boundary in the content type
      raw.resume();
      return;
    }

    let file: UploadedFile | undefined;
    parser.on('file', (field, stream, fileName) => {
      // A body cut off inside a part errors its stream too; unhandled, that would end the process.
      stream.on('error', () => reject(unreadable()));
      if (field !== UPLOAD_FIELD) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        chunks.length = 0;
        const size = formatMegabytes(limit.maxBytes);
        // Answered now; the parser drains the rest of the body without keeping it.
        reject(
          new PayloadTooLargeException({
            message: `${limit.noun}不能超过 ${size}，请压缩后重新上传`,
            fields: [{ path: UPLOAD_FIELD, message: `${UPLOAD_FIELD} must be at most ${size}` }],
          }),
        );
      });
      stream.on('end', () => {
        if (!stream.truncated) file = { content: Buffer.concat(chunks), fileName };
      });
    });
    parser.on('finish', () => (file ? resolve(file) : reject(refused(`请选择要上传的${limit.noun}`))));
    parser.on('error', () => {
      reject(unreadable());
      raw.unpipe(parser);
      raw.resume();
    });
    // A client that went away mid-body: nothing more will come, so the parser would never finish.
    raw.on('close', () => {
      if (!raw.complete) reject(unreadable());
    });
    raw.pipe(parser);
  });
}
