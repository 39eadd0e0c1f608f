import { PNG_SIGNATURE } from '../infra/uploads/image-type';

/** Starts like a PNG: enough for the content check, which reads the signature, not the name. */
export const PNG_BYTES = Buffer.concat([PNG_SIGNATURE, Buffer.from('rest of a png')]);

/** A Windows executable, as someone might upload it renamed to .png. */
export const WINDOWS_EXECUTABLE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

/** Starts like an MP4 (a box of type "ftyp"): enough for the content check. */
export const MP4_BYTES = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from('ftypmp42'),
  Buffer.alloc(64),
]);
