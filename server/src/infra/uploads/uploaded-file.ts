import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

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

/** The one file of a multipart upload, whole, refused with 413 beyond `limit.maxBytes`. */
export async function readUploadedFile(request: FastifyRequest, limit: UploadLimit): Promise<UploadedFile> {
  if (!request.isMultipart()) {
    throw new BadRequestException({
      message: `请以 multipart/form-data 上传${limit.noun}`,
      fields: [{ path: UPLOAD_FIELD, message: `${UPLOAD_FIELD} is required (multipart/form-data)` }],
    });
  }
  try {
    const file = await request.file({ limits: { fileSize: limit.maxBytes, files: 1, fields: 10 } });
    if (!file || file.fieldname !== UPLOAD_FIELD) {
      throw new BadRequestException({
        message: `请选择要上传的${limit.noun}`,
        fields: [{ path: UPLOAD_FIELD, message: `${UPLOAD_FIELD} is required` }],
      });
    }
    return { content: await file.toBuffer(), fileName: file.filename };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      const size = formatMegabytes(limit.maxBytes);
      throw new PayloadTooLargeException({
        message: `${limit.noun}不能超过 ${size}，请压缩后重新上传`,
        fields: [{ path: UPLOAD_FIELD, message: `${UPLOAD_FIELD} must be at most ${size}` }],
      });
    }
    throw error;
  }
}
