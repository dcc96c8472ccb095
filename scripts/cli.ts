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
