// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import devServer from './src/integrations/dev-server.ts';
import headersFile from './src/integrations/headers-file.ts';
import openccModules from './src/integrations/opencc-modules.ts';
import { normaliseBase } from './src/base/paths.ts';

// SITE_URL: the full address the site is served from, e.g. https://xc.example.gov.cn (optional).
// BASE_PATH: the sub-path when not served from the domain root, e.g. /gongshi/ (optional).
// GONGSHI_CACHE_DIR: a separate Astro cache, so that builds of other content (benchmarks) can run beside this one.
const siteUrl = process.env.SITE_URL || undefined;

export default defineConfig({
  cacheDir: process.env.GONGSHI_CACHE_DIR || undefined,
  site: siteUrl,
  base: normaliseBase(process.env.BASE_PATH),
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: {
    build: { assetsInlineLimit: 0 },
    plugins: [openccModules()],
    // The dev server watches the project; builds write thousands of files into it (staging folders, dist/,
    // the tests' builds), which it must neither reload for nor be slowed down by.
    server: {
      watch: {
        ignored: ['**/.gongshi-staging-*/**', '**/dist/**', '**/.dist.*/**', '**/.test-build/**', '**/test-artifacts/**', '**/.bench/**'],
      },
    },
  },
  devToolbar: { enabled: false },
  integrations: [
    headersFile(),
    // Search, content checks and reloads in `astro dev`; nothing in a build.
    devServer(),
    // A sitemap (sitemap-index.xml → sitemap-0.xml) needs absolute URLs: only with SITE_URL; see also src/pages/[file].txt.ts.
    ...(siteUrl
      ? [
          sitemap({
            // HTML pages only, not the files under data/.
            filter: (page) => !/\.[a-z0-9]+$/i.test(new URL(page).pathname),
            namespaces: { news: false, xhtml: false, image: false, video: false },
          }),
        ]
      : []),
  ],
});
