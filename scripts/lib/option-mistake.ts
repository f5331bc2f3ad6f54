// node:util parseArgs's English complaint about a command's options, said in Chinese with the option it is
// about and the options there are (npm run new, npm run import).

export interface OptionsAllowed {
  /** The options the command takes, as typed (`--title`). */
  names: string[];
  /** An example of each option that takes a value (`--title 中共某某委员会……`). */
  examples: Record<string, string>;
  /** What to say of an argument the command takes none of. */
  positional?: (argument: string) => string;
}

/** `a、b 和 c` */
const listed = (names: string[]) => (names.length > 1 ? `${names.slice(0, -1).join('、')} 和 ${names.at(-1)}` : (names[0] ?? ''));

export function optionMistake(e: NodeJS.ErrnoException, allowed: OptionsAllowed): string {
  const named = e.message.match(/'([^' ]+)/)?.[1] ?? '';
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `不认识的选项 ${named}。只能用 ${listed(allowed.names)}。`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `${named} 后面缺少内容，例如 ${allowed.examples[named] ?? `${named} 内容`}。`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return allowed.positional?.(named) ?? `多余的参数“${named}”。`;
    default:
      return `${e.message}。`;
  }
}
