// robots.txt, only when SITE_URL is set: it points crawlers to the sitemap (@astrojs/sitemap, added in
// astro.config.mjs under the same condition). Without SITE_URL neither file is built.
import type { APIRoute, GetStaticPaths } from 'astro';
import { joinBase } from '../base/paths';

export const getStaticPaths = (() => (import.meta.env.SITE ? [{ params: { file: 'robots' } }] : [])) satisfies GetStaticPaths;

export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(joinBase(import.meta.env.BASE_URL, 'sitemap-index.xml'), site).href;
  return new Response(`User-agent: *\nDisallow:\n\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
