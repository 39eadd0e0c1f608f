import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { UPLOAD_FIELD, readUploadedFile } from './uploaded-file';
import { type VideoType, detectVideoType } from './video-type';

export const VIDEO_LIMIT_BYTES = 50 * 1024 * 1024;

export interface UploadedVideo {
  content: Buffer;
  type: VideoType;
}

/** The one video of a multipart upload, recognised by its content. */
export async function readUploadedVideo(request: FastifyRequest): Promise<UploadedVideo> {
  const { content } = await readUploadedFile(request, { maxBytes: VIDEO_LIMIT_BYTES, noun: '视频' });
  const type = detectVideoType(content);
  if (!type) {
    throw new UnsupportedMediaTypeException({
      message: '视频必须是 MP4 或 WebM 格式',
      fields: [{ path: UPLOAD_FIELD, message: `${UPLOAD_FIELD} must be an MP4 or WebM video` }],
    });
  }
  return { content, type };
}
