// The site configuration, `content/site.yaml`: title, organisation, the feedback contact, the filings and links.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Diagnostic } from '../base/diagnostics';
import { decodeUtf8 } from '../base/source-text';
import { siteSchema, type SiteConfig } from '../schemas';
import { parseYamlWith } from '../base/yaml-data';
import { readEmblem, type Emblem } from './filing';

export const SITE_CONFIG_FILE = 'content/site.yaml';

/** The configuration, or what is wrong with it; with the police filing's emblem once it has been read and checked. */
export function readSiteConfig(path: string, file = SITE_CONFIG_FILE): { data?: SiteConfig; diagnostics: Diagnostic[]; emblem?: Emblem } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return {
      diagnostics: [
        {
          file,
          severity: 'error',
          message: '找不到网站配置文件。请创建它，写明 title、organisation 和 contact（phone、address、postcode、email）。',
        },
      ],
    };
  }
  const text = decodeUtf8(bytes);
  if (text === undefined) return { diagnostics: [{ file, severity: 'error', message: '文件不是 UTF-8 编码，请另存为 UTF-8。' }] };
  const result = parseYamlWith(text, siteSchema, file);
  const emblem = result.data?.filing?.policeEmblem;
  const read = emblem ? readEmblem(dirname(path), emblem) : undefined;
  if (typeof read === 'string') {
    const line = text.split('\n').findIndex((l) => /^\s*policeEmblem\s*:/.test(l)) + 1;
    return {
      diagnostics: [{ file, line: line || result.fieldLines?.filing, field: 'filing.policeEmblem', severity: 'error', message: read }],
    };
  }
  return { ...result, emblem: read };
}
