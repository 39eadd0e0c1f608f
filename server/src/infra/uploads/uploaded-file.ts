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

export interface UploadedFile {
  content: Buffer;
  /** As the client named it: for display only, never for deciding the type. */
  fileName: string;
}

/**
 * The one file of a multipart upload, whole. `noun` names it in messages (图片, 文件). The size limit is the
 * one multipart was registered with (create-app.ts).
 */
export async function readUploadedFile(request: FastifyRequest, noun: string): Promise<UploadedFile> {
  if (!request.isMultipart()) {
    throw new BadRequestException({
      message: `请以 multipart/form-data 上传${noun}`,
      fields: [{ path: UPLOAD_FIELD, message: `${UPLOAD_FIELD} is required (multipart/form-data)` }],
    });
  }
  try {
    const file = await request.file();
    if (!file || file.fieldname !== UPLOAD_FIELD) {
      throw new BadRequestException({
        message: `请选择要上传的${noun}`,
        fields: [{ path: UPLOAD_FIELD, message: `${UPLOAD_FIELD} is required` }],
      });
    }
    return { content: await file.toBuffer(), fileName: file.filename };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new PayloadTooLargeException({
        message: `${noun}不能超过 2 MB，请压缩后重新上传`,
        fields: [{ path: UPLOAD_FIELD, message: `${UPLOAD_FIELD} must be at most 2 MB` }],
      });
    }
    throw error;
  }
}
