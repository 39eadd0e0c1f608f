import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { type ImageType, detectImageType } from './image-type';
import { UPLOAD_FIELD, UPLOAD_BODY, readUploadedFile } from './uploaded-file';

/** The multipart field every image upload uses. */
export const IMAGE_UPLOAD_FIELD = UPLOAD_FIELD;

/** OpenAPI body of an image upload route. */
export const IMAGE_UPLOAD_BODY = UPLOAD_BODY;

export interface UploadedImage {
  content: Buffer;
  type: ImageType;
}

/**
 * The one image of a multipart upload, whole, recognised by its content (a name or a header proves nothing).
 * The size limit is the one multipart was registered with (create-app.ts).
 */
export async function readUploadedImage(request: FastifyRequest): Promise<UploadedImage> {
  const { content } = await readUploadedFile(request, '图片');
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
