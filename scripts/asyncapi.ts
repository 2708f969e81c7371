// Writes docs/asyncapi.json, the AsyncAPI document of every event the platform publishes,
// from the event contracts; with --check, fails when the checked-in file is out of date:
//   npm run asyncapi [-- --check]
import { readFile, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import {
  ASYNCAPI_PATH,
  buildAsyncApiDocument,
  renderAsyncApiDocument,
} from './asyncapi-document.js';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const document = buildAsyncApiDocument();
const text = await renderAsyncApiDocument(document);
const path = relative(process.cwd(), ASYNCAPI_PATH);
const messages = Object.keys(document.components.messages).length;
const channels = Object.keys(document.channels).length;

if (values.check) {
  const current = await readFile(ASYNCAPI_PATH, 'utf8').catch(() => undefined);
  if (current === undefined) {
    process.stderr.write(`${path} is missing: run npm run asyncapi\n`);
    process.exitCode = 1;
  } else if (current !== text) {
    process.stderr.write(`${path} is out of date: run npm run asyncapi\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`${path} is up to date (${messages} messages on ${channels} topics)\n`);
  }
} else {
  await writeFile(ASYNCAPI_PATH, text);
  process.stdout.write(`wrote ${path} (${messages} messages on ${channels} topics)\n`);
}
