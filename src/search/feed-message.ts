// The message a rendered page travels in from Astro's process to the build's (src/search/page-feed).
export const FEED_MESSAGE = 'gongshi:page';

export interface FedPage {
  type: typeof FEED_MESSAGE;
  /** The page's address as Astro rendered it, base path included. */
  pathname: string;
  html: string;
}

export const isFedPage = (message: unknown): message is FedPage =>
  typeof message === 'object' && message !== null && (message as FedPage).type === FEED_MESSAGE;
