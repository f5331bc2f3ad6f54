// Writes `_headers` (read by Netlify, Cloudflare Pages and similar hosts) with the site's security headers.
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normaliseBase } from '../base/paths';
import { headersFile } from '../site/security-headers';

export default function headersFileIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'gongshi:headers-file',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normaliseBase(config.base);
      },
      'astro:build:done': ({ dir }) => {
        writeFileSync(join(fileURLToPath(dir), '_headers'), headersFile(base));
      },
    },
  };
}
