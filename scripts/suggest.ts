/**
 * Checks the suggestions on a shop's own buyers' words: `npm run suggest -- FILE`.
 *
 * FILE is a text file, one buyer message a line. For each non-empty line, prints the top three snippets of the
 * default library for that message as one JSON array a line: `[{"id":"...","title":"..."}, ...]`. The ranking is
 * the sidebar's (lib/suggest.ts), with the phase guessed from the message alone (lib/phase.ts) and no past use.
 *
 * A missing or unreadable file: `error: FILE: <why>` on stderr, exit 1. Bad usage: the usage on stderr, exit 2.
 */
import { readFileSync } from 'node:fs';
import { guessPhase } from '../lib/phase';
import { fileError, isMain } from './cli';
import { defaultSnippets } from '../lib/snippets/defaults';
import { createSuggester } from '../lib/suggest';

export const USAGE = `usage: npm run -s suggest -- FILE

Prints, for each non-empty line of FILE (one buyer message a line), the three snippets of the default
library the sidebar suggests first, as one JSON array a line: [{"id":"...","title":"..."}, ...]
  --help   show this help
`;

export interface Io {
  readFile: (path: string) => string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: Io = {
  readFile: (path) => readFileSync(path, 'utf8'),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};


/** The whole CLI: arguments in, exit code out; output through `io`. */
export function main(args: readonly string[], io: Io = processIo): number {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  const unknown = args.find((arg) => arg.startsWith('-') && arg !== '-' && arg !== '--');
  const files = args.filter((arg) => arg !== '--' && !arg.startsWith('-'));
  if (unknown || files.length !== 1) {
    io.stderr(`error: ${unknown ? `unknown option ${unknown}` : files.length === 0 ? 'no file given' : `one file at a time (got ${files.length})`}\n\n${USAGE}`);
    return 2;
  }
  const file = files[0]!;
  let text: string;
  try {
    text = io.readFile(file);
  } catch (e) {
    io.stderr(`error: ${file}: ${fileError(e, { notA: 'a text file' })}\n`);
    return 1;
  }
  const suggester = createSuggester(defaultSnippets);
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
  for (const line of lines) {
    const top = suggester.rank([line], { phase: guessPhase(null, [line]), limit: 3 });
    io.stdout(`${JSON.stringify(top.map(({ id, title }) => ({ id, title })))}\n`);
  }
  return 0;
}


if (isMain(import.meta.url)) process.exitCode = main(process.argv.slice(2));
