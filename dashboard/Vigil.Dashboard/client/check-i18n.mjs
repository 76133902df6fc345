// Fails (exit 1) when the translation files do not share one key set, or a value is empty or not a string:
// every visible string must exist in English, Arabic and Spanish.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'src', 'i18n');
const languages = ['en', 'ar', 'es'];
const tables = Object.fromEntries(languages.map(l => [l, JSON.parse(readFileSync(join(dir, `${l}.json`), 'utf8'))]));
const problems = [];
const all = new Set(languages.flatMap(l => Object.keys(tables[l])));
for (const key of [...all].sort()) {
  for (const l of languages) {
    const value = tables[l][key];
    if (value === undefined) problems.push(`${l}.json: missing key "${key}"`);
    else if (typeof value !== 'string' || value.trim() === '') problems.push(`${l}.json: key "${key}" is empty or not a string`);
  }
  // Placeholders like {count} must match, or a translation silently drops a value.
  const holes = l => [...String(tables[l][key] ?? '').matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort().join(',');
  for (const l of languages.slice(1)) {
    if (tables[l][key] !== undefined && tables.en[key] !== undefined && holes(l) !== holes('en')) {
      problems.push(`${l}.json: key "${key}" has placeholders {${holes(l)}} but en.json has {${holes('en')}}`);
    }
  }
}
if (problems.length > 0) {
  console.error(`i18n check failed (${problems.length}):\n  ` + problems.join('\n  '));
  process.exit(1);
}
console.log(`i18n check: ${all.size} keys in ${languages.join(', ')}`);
