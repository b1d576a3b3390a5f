import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toolRoot } from './paths.js';

/** The tool's version, named in every PDF's creator and producer. */
export const toolVersion: string = (JSON.parse(readFileSync(path.join(toolRoot, 'package.json'), 'utf8')) as { version: string }).version;
