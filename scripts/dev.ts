// npm run dev: the site as it will be published, served while you write, with search, reloading a notice
// when its file changes (src/integrations/dev-server). Telemetry and Astro's update check are off.
import './lib/no-phoning-home';
import { dev } from 'astro';
import { parseServerArgs } from './lib/server-args';

// Astro lets these override `import.meta.env` inside pages (Vitest sets them all, some shells some): the
// preview must see the base path and mode that the site really has. With VITEST set, Astro's dev server
// leaves page requests to Vitest and answers 404, so a test that starts `npm run dev` would see no site.
for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'VITEST']) delete process.env[name];
// A machine-wide NODE_ENV (production on many servers, test under Vitest) would turn off the dev server's
// reloading: this is development.
process.env.NODE_ENV = 'development';

const USAGE = '用法：npm run dev [-- --port 端口号] [--host [地址]]';
function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(1);
}

const server = parseServerArgs(process.argv.slice(2), ['port', 'host'], fail);

await dev({ server });
