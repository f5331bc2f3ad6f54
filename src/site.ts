// The validated site configuration, read once at build time. `npm run build` checks it first,
// so a failure here only happens when Astro is run directly.
import { formatDiagnostic } from './base/diagnostics';
import { contentDir } from './base/paths';
import type { SiteConfig } from './schemas';
import { readSiteConfig } from './site/config';
import type { Emblem } from './site/filing';

const { data, diagnostics, emblem: checkedEmblem } = readSiteConfig(`${contentDir()}/site.yaml`);
// In `astro dev` the dev server shows the mistake on every page (src/integrations/dev-content-overlay),
// which needs the pages to load: until it is fixed they get this stand-in, and are never shown with it.
const STAND_IN: SiteConfig = { title: '网站配置有错误', organisation: '', contact: { phone: '', address: '', postcode: '', email: '' } };
if (!data && !import.meta.env.DEV) throw new Error(diagnostics.map(formatDiagnostic).join('\n'));

export const site = data ?? STAND_IN;

/** The police filing's emblem image, when site.yaml names one (read and checked with the configuration). */
export const emblem: Emblem | undefined = checkedEmblem;
