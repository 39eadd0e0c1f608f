import { Module } from '@nestjs/common';
import { FileStorage, LocalDiskFileStorage } from './file-storage';

/** Where uploaded files are kept, for every feature that accepts them. */
@Module({
  providers: [{ provide: FileStorage, useClass: LocalDiskFileStorage }],
  exports: [FileStorage],
})
export class UploadsModule {}
