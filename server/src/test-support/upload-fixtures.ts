import { PNG_SIGNATURE } from '../infra/uploads/image-type';

/** Starts like a PNG: enough for the content check, which reads the signature, not the name. */
export const PNG_BYTES = Buffer.concat([PNG_SIGNATURE, Buffer.from('rest of a png')]);

/** A Windows executable, as someone might upload it renamed to .png. */
export const WINDOWS_EXECUTABLE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
