import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** What a command returns instead of writing and exiting itself, so tests call it directly. */
export interface CliResult {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/**
 * Whether the module at `moduleUrl` is the script node was started with (`tsx scripts/x.ts`, through a
 * symlink too), not a module a test imported.
 */
export function isMain(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return moduleUrl === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

/** Writes a command's result out and sets the exit code. */
export function finish(result: CliResult): void {
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}

/** A usage mistake: the message, then the usage text, exit code 2. */
export function usageError(usage: string, message: string): CliResult {
  return { code: 2, stdout: '', stderr: `error: ${message}\n\n${usage}` };
}

/** Why a file could not be read (or written), in words; `notA` names what a directory is not ("a text file"). */
export function fileError(e: unknown, options: { notA: string; writing?: boolean }): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return options.writing ? 'no such folder' : 'no such file';
  if (code === 'EISDIR') return options.writing ? 'is a directory' : `is a directory, not ${options.notA}`;
  if (code === 'EACCES') return 'permission denied';
  return e instanceof Error ? e.message : String(e);
}

export type ReadArgs = { help: true } | { help: false; files: string[]; values: Partial<Record<string, string>>; flags: Set<string> } | { error: string };

/**
 * A command line read the same way by every command: file arguments (`-` included), options that take a value
 * (`--name value` or `--name=value`), flags, `--` ending the options, and `--help` / `-h`.
 */
export function readArgs(args: readonly string[], spec: { values: readonly string[]; flags?: readonly string[] }): ReadArgs {
  const files: string[] = [];
  const values: Partial<Record<string, string>> = {};
  const flags = new Set<string>();
  let optionsDone = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (optionsDone || !arg.startsWith('-') || arg === '-') {
      files.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsDone = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') return { help: true };
    if (spec.flags?.includes(arg)) {
      flags.add(arg);
      continue;
    }
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!spec.values.includes(name)) return { error: `unknown option ${name}` };
    const value = inline ?? args[++i];
    if (value === undefined || value === '') return { error: `${name} needs a value` };
    values[name] = value;
  }
  return { help: false, files, values, flags };
}
