#!/usr/bin/env node
/**
 * Builds the site tracker: server/tracker/tracker.ts → server/dist/tracker/t.js. TypeScript strips the types,
 * terser inlines the constants (and the event id function) from @cardhub/shared and minifies. Pure JavaScript tools from npm only.
 * Run by `pnpm run build` (after tsc) and before the server's tests, so the script tested is the one built.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';
import ts from 'typescript';

const SERVER_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
const SOURCE = join(SERVER_DIR, 'tracker', 'tracker.ts');
export const TRACKER_OUTPUT = join(SERVER_DIR, 'dist', 'tracker', 't.js');

// The shared package as the server resolves it (its built CommonJS output).
const shared = createRequire(join(SERVER_DIR, 'package.json'))('@cardhub/shared');

export async function buildTracker() {
  const { outputText } = ts.transpileModule(readFileSync(SOURCE, 'utf8'), {
    compilerOptions: { target: ts.ScriptTarget.ES2017, module: ts.ModuleKind.None, removeComments: true },
  });
  const minified = await minify(outputText, {
    ecma: 2017,
    compress: {
      passes: 2,
      global_defs: {
        CARDHUB_SHARE_PARAM: shared.SITE_SHARE_PARAM,
        CARDHUB_VISITOR_PARAM: shared.SITE_VISITOR_PARAM,
        CARDHUB_SHARE_TTL_DAYS: shared.SITE_SHARE_CODE_TTL_DAYS,
        CARDHUB_MAX_EVENTS: shared.SITE_BEACON_MAX_EVENTS,
        CARDHUB_TRACKABLE_EVENTS: shared.SITE_TRACKABLE_EVENTS.join(','),
        // "@": the value is source code, inlined as an expression.
        '@CARDHUB_NEW_EVENT_ID': `(${shared.newEventId})`,
      },
    },
    mangle: true,
    format: { comments: false, preamble: '/* cardhub site tracker */' },
  });
  mkdirSync(dirname(TRACKER_OUTPUT), { recursive: true });
  writeFileSync(TRACKER_OUTPUT, minified.code);
  return TRACKER_OUTPUT;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const output = await buildTracker();
  console.log(`site tracker built: ${output} (${readFileSync(output).length} bytes)`);
}
