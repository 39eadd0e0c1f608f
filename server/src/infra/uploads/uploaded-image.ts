import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { type ImageType, detectImageType } from './image-type';
import { UPLOAD_FIELD, readUploadedFile } from './uploaded-file';

/** Avatars and covers; material images (posters, article and product pictures) may be larger. */
export const IMAGE_LIMIT_BYTES = 2 * 1024 * 1024;
export const MATERIAL_IMAGE_LIMIT_BYTES = 5 * 1024 * 1024;

export interface UploadedImage {
  content: Buffer;
  type: ImageType;
}

/** The one image of a multipart upload, recognised by its content (a name or a header proves nothing). */
export async function readUploadedImage(
  request: FastifyRequest,
  maxBytes = IMAGE_LIMIT_BYTES,
): Promise<UploadedImage> {
  const { content } = await readUploadedFile(request, { maxBytes, noun: '图片' });
  const type = detectImageType(content);
  if (!type) {
    throw new UnsupportedMediaTypeException({
      message: '图片必须是 PNG、JPEG 或 WebP 格式',
      fields: [{ path: UPLOAD_FIELD, message: `${UPLOAD_FIELD} must be a PNG, JPEG or WebP image` }],
    });
  }
  return { content, type };
}
