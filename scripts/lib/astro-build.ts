// Runs Astro's build into the folder given as the only argument, in a process of its own
// (src/build/render), so that the memory Astro used is given back when it ends.
import './no-phoning-home';
import { build } from 'astro';

try {
  await build({ outDir: process.argv[2] });
} catch (e) {
  console.error(`构建失败：${(e as Error).message}`);
  process.exit(1);
}
