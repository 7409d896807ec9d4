// A tiny parser for --key value flags: the commands take few options, and their usage
// lines are the documentation.

export function parseArgs(
  argv: readonly string[],
  booleans: readonly string[] = [],
  /** when given, any other flag is an error that names the flags there are */
  known?: readonly string[],
) {
  const flags = new Map<string, string>();
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') continue;
    if (a.startsWith('--')) {
      const [key, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (known && !known.includes(key)) {
        throw new Error(
          `unknown option --${key}; the options are ${known.map((k) => `--${k}`).join(', ')}`,
        );
      }
      if (flags.has(key)) throw new Error(`--${key} is given twice`);
      if (inline !== undefined) flags.set(key, inline);
      else if (booleans.includes(key)) flags.set(key, 'true');
      else {
        const value = argv[i + 1];
        if (value === undefined || value.startsWith('--'))
          throw new Error(`--${key} needs a value`);
        flags.set(key, value);
        i++;
      }
    } else rest.push(a);
  }
  return { flags, rest };
}

export function fail(message: string, usage: string): never {
  console.error(`error: ${message}\nusage: ${usage}`);
  process.exit(2);
}
