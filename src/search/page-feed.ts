// Astro middleware, added to builds run by `npm run build` (src/integrations/search-feed): each rendered
// page that has searchable text is passed to the build's own process over Node's IPC channel as soon as
// Astro has rendered it, so that the search index is built on the other core while Astro renders the rest.
// The page is passed on unchanged; the same bytes go into dist/.
import type { MiddlewareHandler } from 'astro';
import { FEED_MESSAGE, type FedPage } from './feed-message';

export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next();
  const send = process.send?.bind(process);
  if (!send || !context.isPrerendered || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  if (html.includes('data-pagefind-body')) {
    const page: FedPage = { type: FEED_MESSAGE, pathname: context.url.pathname, html };
    send(page);
  }
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
};
