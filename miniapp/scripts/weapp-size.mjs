// Prints the size of the WeChat main package (dist/weapp without its subpackages) against the 1.5 MB budget we
// hold it to (WeChat refuses more than 2 MB), and each subpackage against WeChat's 2 MB per-package limit.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const MAIN_BUDGET_BYTES = 1.5 * 1024 * 1024;
const PACKAGE_LIMIT_BYTES = 2 * 1024 * 1024;
const root = new URL('../dist/weapp/', import.meta.url).pathname;
const subpackageRoots =
  JSON.parse(readFileSync(join(root, 'app.json'), 'utf8')).subPackages?.map((subpackage) =>
    subpackage.root.replace(/\/$/, ''),
  ) ?? [];

function sizeOf(directory, excluded = []) {
  return readdirSync(directory, { withFileTypes: true }).reduce((total, entry) => {
    const path = join(directory, entry.name);
    if (excluded.includes(path)) return total;
    return total + (entry.isDirectory() ? sizeOf(path, excluded) : statSync(path).size);
  }, 0);
}

const kib = (value) => `${(value / 1024).toFixed(1)} KiB`;
const subpackageDirs = subpackageRoots.map((subpackage) => join(root, subpackage)).filter(existsSync);
const main = sizeOf(root, subpackageDirs);
console.log(
  `WeChat main package: ${kib(main)} of our ${kib(MAIN_BUDGET_BYTES)} budget (${((main / MAIN_BUDGET_BYTES) * 100).toFixed(1)}%; WeChat's limit is 2048 KiB)`,
);
let tooBig = main > MAIN_BUDGET_BYTES;
for (const dir of subpackageDirs) {
  const bytes = sizeOf(dir);
  console.log(`  subpackage ${dir.slice(root.length)}: ${kib(bytes)} of ${kib(PACKAGE_LIMIT_BYTES)}`);
  tooBig ||= bytes > PACKAGE_LIMIT_BYTES;
}
if (tooBig) process.exit(1);
