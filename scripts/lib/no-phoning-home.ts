// Keeps Astro from contacting anyone from the machine that builds the site: no usage telemetry and no
// update check (both are Astro's documented switches). Every script that runs Astro imports this first.
process.env.ASTRO_TELEMETRY_DISABLED = '1';
process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';
