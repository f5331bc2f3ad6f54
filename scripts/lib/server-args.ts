// The options of `npm run dev` and `npm run preview`: --port, --host (bare: every address, as in Astro's own
// commands, which node:util's parseArgs cannot express) and, for the preview, --dir.
export interface ServerArgs {
  port?: number;
  host?: string | true;
  dir?: string;
}

type Name = keyof ServerArgs;

/** Reads `--name value` or `--name=value`; anything else is reported through `fail` with what to write. */
export function parseServerArgs(args: string[], allowed: Name[], fail: (message: string) => never): ServerArgs {
  const options: ServerArgs = {};
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    const name = flag.replace(/^--/, '') as Name;
    if (!flag.startsWith('--') || !allowed.includes(name)) fail(`不认识的选项“${args[i]}”。`);
    const value = inline ?? (args[i + 1] !== undefined && !args[i + 1].startsWith('--') ? args[++i] : undefined);
    if (name === 'port') {
      const port = Number(value ?? NaN);
      if (!Number.isInteger(port) || port < 1 || port > 65535) fail('--port 后面要写端口号（1—65535 的整数），例如 --port 4322。');
      options.port = port;
    } else if (name === 'host') {
      options.host = value || true;
    } else {
      options.dir = value || fail('--dir 后面要写网站所在的文件夹，例如 --dir dist。');
    }
  }
  return options;
}
