export {
  FileStorage,
  absoluteUrl,
  LocalDiskFileStorage,
  PUBLIC_UPLOADS_PREFIX,
  publicUploadsRoot,
} from './file-storage';
export { type ImageType, detectImageType } from './image-type';
export {
  IMAGE_UPLOAD_BODY,
  IMAGE_UPLOAD_FIELD,
  type UploadedImage,
  readUploadedImage,
} from './uploaded-image';
export { UploadsModule } from './uploads.module';
export { UPLOAD_BODY, UPLOAD_FIELD, type UploadedFile, readUploadedFile } from './uploaded-file';
