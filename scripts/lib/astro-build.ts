// Runs Astro's build into the folder given as the only argument. scripts/build.ts runs this in a process
// of its own, so that the memory Astro used is given back before the search index is written, and the
// search index is built beside it from the pages it feeds back.
import './no-phoning-home';
import { build } from 'astro';

try {
  await build({ outDir: process.argv[2] });
} catch (e) {
  console.error(`构建失败：${(e as Error).message}`);
  process.exit(1);
}
// The channel the pages were fed over (src/search/page-feed) would keep this process alive.
process.disconnect?.();
