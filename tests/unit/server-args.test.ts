// The options of npm run dev and npm run preview, read without starting a server.
import { describe, expect, it } from 'vitest';
import { parseServerArgs } from '../../scripts/lib/server-args';

const fail = (message: string): never => {
  throw new Error(message);
};

describe('parseServerArgs', () => {
  it('reads --port, --host and --dir as `--name value` and `--name=value`', () => {
    expect(parseServerArgs(['--port', '4322', '--host=0.0.0.0', '--dir', 'out'], ['port', 'host', 'dir'], fail)).toEqual({
      port: 4322,
      host: '0.0.0.0',
      dir: 'out',
    });
  });

  it('takes a bare --host as every address', () => {
    expect(parseServerArgs(['--host'], ['host'], fail)).toEqual({ host: true });
    expect(parseServerArgs(['--host', '--port', '1'], ['host', 'port'], fail)).toEqual({ host: true, port: 1 });
  });

  it.each([
    [['--port', 'abc'], /--port 后面要写端口号/],
    [['--port', '70000'], /--port/],
    [['--port'], /--port/],
    [['--dir'], /--dir 后面要写/],
    [['--open'], /不认识的选项“--open”/],
    [['dist'], /不认识的选项“dist”/],
  ])('refuses %j, saying what to write', (args, message) => {
    expect(() => parseServerArgs(args, ['port', 'host', 'dir'], fail)).toThrow(message);
  });

  it('refuses an option the command does not have', () => {
    expect(() => parseServerArgs(['--dir', 'x'], ['port', 'host'], fail)).toThrow(/不认识的选项“--dir”/);
  });
});
