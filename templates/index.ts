import { infoblatt } from './infoblatt.js';
import type { Template } from './template.js';

/** Every template the tool ships, by id (the ids sheets list under `templates:`). */
export const templates: ReadonlyMap<string, Template> = new Map([infoblatt].map((t) => [t.id, t]));
