import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { type ImageType, detectImageType } from './image-type';

/** The multipart field every image upload uses. */
export const IMAGE_UPLOAD_FIELD = 'file';

/** OpenAPI body of an image upload route. */
export const IMAGE_UPLOAD_BODY = {
  schema: {
    type: 'object' as const,
    required: [IMAGE_UPLOAD_FIELD],
    properties: { [IMAGE_UPLOAD_FIELD]: { type: 'string' as const, format: 'binary' } },
  },
};

export interface UploadedImage {
  content: Buffer;
  type: ImageType;
}

/**
 * The one image of a multipart upload, whole, recognised by its content (a name or a header proves nothing).
 * The size limit is the one multipart was registered with (create-app.ts).
 */
export async function readUploadedImage(request: FastifyRequest): Promise<UploadedImage> {
  const content = await readUploadedFile(request);
  const type = detectImageType(content);
  if (!type) {
    throw new UnsupportedMediaTypeException({
      message: '图片必须是 PNG、JPEG 或 WebP 格式',
      fields: [
        { path: IMAGE_UPLOAD_FIELD, message: `${IMAGE_UPLOAD_FIELD} must be a PNG, JPEG or WebP image` },
      ],
    });
  }
  return { content, type };
}

async function readUploadedFile(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) {
    throw new BadRequestException({
      message: '请以 multipart/form-data 上传图片',
      fields: [
        { path: IMAGE_UPLOAD_FIELD, message: `${IMAGE_UPLOAD_FIELD} is required (multipart/form-data)` },
      ],
    });
  }
  try {
    const file = await request.file();
    if (!file || file.fieldname !== IMAGE_UPLOAD_FIELD) {
      throw new BadRequestException({
        message: '缺少图片文件',
        fields: [{ path: IMAGE_UPLOAD_FIELD, message: `${IMAGE_UPLOAD_FIELD} is required` }],
      });
    }
    return await file.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new PayloadTooLargeException({
        message: '图片不能超过 2 MB，请压缩后重新上传',
        fields: [{ path: IMAGE_UPLOAD_FIELD, message: `${IMAGE_UPLOAD_FIELD} must be at most 2 MB` }],
      });
    }
    throw error;
  }
}
