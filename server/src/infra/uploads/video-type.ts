/** Video formats every WeChat client and browser plays, recognised by their first bytes. */
export type VideoType = 'mp4' | 'webm';

const EBML_SIGNATURE = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);

export function detectVideoType(content: Buffer): VideoType | null {
  // An MP4 starts with a box whose type, at bytes 4–8, is "ftyp".
  if (content.length >= 12 && content.toString('latin1', 4, 8) === 'ftyp') return 'mp4';
  if (content.subarray(0, EBML_SIGNATURE.length).equals(EBML_SIGNATURE)) return 'webm';
  return null;
}
