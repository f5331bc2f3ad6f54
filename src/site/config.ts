// The site configuration, `content/site.yaml`: title, organisation and the feedback contact.
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../notice/diagnostics';
import { decodeUtf8 } from '../notice/file';
import { siteSchema, type SiteConfig } from '../schemas';
import { parseYamlWith } from '../notice/yaml-data';

export const SITE_CONFIG_FILE = 'content/site.yaml';

export function readSiteConfig(path: string, file = SITE_CONFIG_FILE): { data?: SiteConfig; diagnostics: Diagnostic[] } {
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
  return parseYamlWith(text, siteSchema, file);
}
