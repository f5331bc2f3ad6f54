// The site's Content-Security-Policy: only the site itself, plus 'wasm-unsafe-eval' for Pagefind's
// WebAssembly. No inline scripts or styles anywhere (Astro writes external files; see astro.config.mjs),
// no other hosts. Every page carries it as a meta tag; hosts that can send headers get the same policy,
// plus what a meta tag cannot say (frame-ancestors), from the `_headers` file or the README's nginx snippet.

const POLICY: Array<[string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  ['style-src', "'self'"],
  ['img-src', "'self'"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
];

/** The policy for a `<meta http-equiv>` tag. */
export function contentSecurityPolicy(): string {
  return POLICY.map(([name, value]) => `${name} ${value}`).join('; ');
}

/** Response headers for every file of the site, as in Netlify's and Cloudflare Pages' `_headers` file. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': `${contentSecurityPolicy()}; frame-ancestors 'self'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  };
}

/** The `_headers` file for a site served under `base`. */
export function headersFile(base: string): string {
  const lines = Object.entries(securityHeaders()).map(([name, value]) => `  ${name}: ${value}`);
  return `${base}*\n${lines.join('\n')}\n`;
}
