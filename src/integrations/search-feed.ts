// Adds the page feed (src/search/page-feed) to a build that runs under `npm run build`, which listens for
// it; a bare `astro build` or the dev server has no one listening and gets no middleware.
import type { AstroIntegration } from 'astro';

export default function searchFeed(): AstroIntegration {
  return {
    name: 'gongshi:search-feed',
    hooks: {
      'astro:config:setup': ({ command, addMiddleware }) => {
        if (command === 'build' && process.env.GONGSHI_SEARCH_FEED === '1' && process.send)
          addMiddleware({ entrypoint: new URL('../search/page-feed.ts', import.meta.url), order: 'post' });
      },
    },
  };
}
