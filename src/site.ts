// The validated site configuration, read once at build time. `npm run build` checks it first,
// so a failure here only happens when Astro is run directly.
import { formatDiagnostic } from './lib/diagnostics';
import { contentDir } from './lib/paths';
import { readSiteConfig } from './lib/site-config';

const { data, diagnostics } = readSiteConfig(`${contentDir()}/site.yaml`);
if (!data) throw new Error(diagnostics.map(formatDiagnostic).join('\n'));

export const site = data;
