// What a notice page tells search engines and link previews: Open Graph meta tags and schema.org JSON-LD.
// Absolute URLs (og:url, the JSON-LD url) only when SITE_URL gives the site's address.

export interface PageFacts {
  title: string;
  description: string;
  siteName: string;
  issuer: string;
  /** 成文日期, the date under the signature, YYYY-MM-DD. */
  date: string;
  /** 发布日期, YYYY-MM-DD. */
  published: string;
  /** 文号. */
  number?: string;
  /** 索引号. */
  indexNumber?: string;
  /** The newest revision's commit time, when the notice was revised after it was first published. */
  revised?: string;
  /** The page's absolute URL, when SITE_URL is set. */
  url?: string;
}

/** `<meta property content>` pairs, in order. */
export function openGraph(facts: PageFacts): Array<{ property: string; content: string }> {
  return [
    { property: 'og:type', content: 'article' },
    { property: 'og:title', content: facts.title },
    { property: 'og:description', content: facts.description },
    { property: 'og:site_name', content: facts.siteName },
    { property: 'og:locale', content: 'zh_CN' },
    ...(facts.url ? [{ property: 'og:url', content: facts.url }] : []),
    { property: 'article:published_time', content: facts.published },
    ...(facts.revised ? [{ property: 'article:modified_time', content: facts.revised }] : []),
  ];
}

/** schema.org `Report`. */
export function reportJsonLd(facts: PageFacts): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Report',
    headline: facts.title,
    name: facts.title,
    description: facts.description,
    dateCreated: facts.date,
    datePublished: facts.published,
    ...(facts.number && { reportNumber: facts.number }),
    ...(facts.indexNumber && { identifier: facts.indexNumber }),
    ...(facts.revised && { dateModified: facts.revised }),
    publisher: { '@type': 'Organization', name: facts.issuer },
    inLanguage: 'zh-CN',
    ...(facts.url && { url: facts.url }),
  };
}

/**
 * JSON for the inside of a `<script type="application/ld+json">`: `<`, `>` and `&` as \u escapes, so that no
 * text can end the element (`</script>`) or open a comment, and U+2028/2029 escaped for older JavaScript parsers.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
