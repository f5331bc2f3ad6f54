// Every file under a folder, as sorted paths relative to it written with `/`: the one directory walk that the
// page check, the precompression, the 简/繁 cut and the code fingerprint share.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}
