/** What a ZIP archive holds, read from its central directory without inflating anything. */
export interface ZipEntry {
  name: string;
  uncompressedSize: number;
}

const LOCAL_FILE_SIGNATURE = 0x04034b50;
const CENTRAL_DIRECTORY_SIGNATURE = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY_SIGNATURE = 0x06054b50;
const END_OF_CENTRAL_DIRECTORY_SIZE = 22;
/** The end record may carry a comment of up to 65535 bytes. */
const END_SEARCH_WINDOW = END_OF_CENTRAL_DIRECTORY_SIZE + 0xffff;

export function isZip(content: Buffer): boolean {
  return content.length >= 4 && content.readUInt32LE(0) === LOCAL_FILE_SIGNATURE;
}

/** The entries of a ZIP archive, or null when its directory is missing or damaged. */
export function zipEntries(content: Buffer): ZipEntry[] | null {
  const end = findEndOfCentralDirectory(content);
  if (end < 0) return null;
  const count = content.readUInt16LE(end + 10);
  let offset = content.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (offset + 46 > content.length || content.readUInt32LE(offset) !== CENTRAL_DIRECTORY_SIGNATURE)
      return null;
    const nameLength = content.readUInt16LE(offset + 28);
    const extraLength = content.readUInt16LE(offset + 30);
    const commentLength = content.readUInt16LE(offset + 32);
    entries.push({
      name: content.toString('utf8', offset + 46, offset + 46 + nameLength),
      uncompressedSize: content.readUInt32LE(offset + 24),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(content: Buffer): number {
  const lowest = Math.max(0, content.length - END_SEARCH_WINDOW);
  for (let offset = content.length - END_OF_CENTRAL_DIRECTORY_SIZE; offset >= lowest; offset--) {
    if (content.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY_SIGNATURE) return offset;
  }
  return -1;
}
