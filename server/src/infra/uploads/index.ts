export {
  FileStorage,
  absoluteUrl,
  LocalDiskFileStorage,
  PUBLIC_UPLOADS_PREFIX,
  publicUploadsRoot,
  storedUploadRef,
} from './file-storage';
export { type ImageType, detectImageType } from './image-type';
export {
  IMAGE_LIMIT_BYTES,
  MATERIAL_IMAGE_LIMIT_BYTES,
  type UploadedImage,
  readUploadedImage,
} from './uploaded-image';
export { VIDEO_LIMIT_BYTES, type UploadedVideo, readUploadedVideo } from './uploaded-video';
export { type VideoType, detectVideoType } from './video-type';
export { UploadsModule } from './uploads.module';
export {
  UPLOAD_BODY,
  acceptMultipartBodies,
  UPLOAD_FIELD,
  type UploadedFile,
  formatMegabytes,
  readUploadedFile,
} from './uploaded-file';
