// Prints the size of the WeChat main package (dist/weapp) against WeChat's 2 MB hard limit.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const LIMIT_BYTES = 2 * 1024 * 1024;
const root = new URL('../dist/weapp/', import.meta.url).pathname;

function sizeOf(directory) {
  return readdirSync(directory, { withFileTypes: true }).reduce((total, entry) => {
    const path = join(directory, entry.name);
    return total + (entry.isDirectory() ? sizeOf(path) : statSync(path).size);
  }, 0);
}

const bytes = sizeOf(root);
const kib = (value) => `${(value / 1024).toFixed(1)} KiB`;
console.log(
  `WeChat main package: ${kib(bytes)} of WeChat's ${kib(LIMIT_BYTES)} limit (${((bytes / LIMIT_BYTES) * 100).toFixed(1)}%)`,
);
if (bytes > LIMIT_BYTES) process.exit(1);
