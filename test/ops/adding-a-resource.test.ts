import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * docs/adding-a-resource.md walks through "reviews" by hand. Its TypeScript blocks are checked
 * here, so the page cannot drift from the code it imitates: each block whose first line names a
 * file becomes that file (in memory: nothing is written), the error code block goes into
 * ERROR_CODES under `// Catalog`, and the files are type-checked with the repository's own
 * compiler options against the real sources around them.
 */
const root = process.cwd();
const doc = readFileSync(join(root, 'docs/adding-a-resource.md'), 'utf8');
const ERROR_CODES_FILE = 'apps/api/src/platform/errors/error-codes.ts';

interface Block {
  readonly path: string;
  readonly code: string;
}

/** The ```ts blocks of the page (indented under list items), by the file their first line names. */
function tsBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  for (const match of markdown.matchAll(/^( *)```ts\n([\s\S]*?)^\1```$/gm)) {
    const indent = match[1] ?? '';
    const lines = (match[2] ?? '').split('\n').map((line) => line.slice(indent.length));
    const path = /^\/\/ (\S+\.ts)/.exec(lines[0] ?? '')?.[1];
    if (!path) throw new Error(`a ts block that names no file: ${lines[0] ?? ''}`);
    blocks.push({ path, code: lines.slice(1).join('\n') });
  }
  return blocks;
}

/** The error-code table with the page's entries added under `// Catalog`. */
function withErrorCodes(entries: string): string {
  const table = readFileSync(join(root, ERROR_CODES_FILE), 'utf8');
  const marker = '  // Catalog\n';
  if (!table.includes(marker)) throw new Error(`${ERROR_CODES_FILE} has no "// Catalog" section`);
  const indented = entries.replace(/^(?=.)/gm, '  ');
  return table.replace(marker, `${marker}${indented}\n`);
}

/** Type errors of the given files (in memory) against the repository, as tsc would print them. */
function typeErrors(files: ReadonlyMap<string, string>): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('tsconfig.json could not be read');
  const options = { ...config.options, noEmit: true, incremental: false };
  const host = ts.createCompilerHost(options);
  const inMemory = (fileName: string): string | undefined => files.get(fileName);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  const directories = new Set(
    [...files.keys()].flatMap((file) =>
      file
        .split('/')
        .slice(1, -1)
        .map((_, index, parts) => `/${parts.slice(0, index + 1).join('/')}`),
    ),
  );
  host.directoryExists = (name) => directories.has(name) || ts.sys.directoryExists(name);
  host.fileExists = (fileName) => files.has(fileName) || fileExists(fileName);
  host.readFile = (fileName) => inMemory(fileName) ?? readFile(fileName);
  host.getSourceFile = (fileName, language, onError, shouldCreate) => {
    const text = inMemory(fileName);
    return text === undefined
      ? getSourceFile(fileName, language, onError, shouldCreate)
      : ts.createSourceFile(fileName, text, language, true);
  };
  const program = ts.createProgram({ rootNames: [...files.keys()], options, host });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    const file = diagnostic.file.fileName.replace(`${root}/`, '');
    return `${file}:${line + 1}:${character + 1} ${message}`;
  });
}

describe('docs/adding-a-resource.md, by hand', () => {
  const blocks = tsBlocks(doc);

  it('shows every file of the feature it describes, once', () => {
    expect(blocks.map((block) => block.path).sort()).toEqual([
      ERROR_CODES_FILE,
      'apps/api/src/reviews/dto/review.schemas.ts',
      'apps/api/src/reviews/reviews.controller.ts',
      'apps/api/src/reviews/reviews.module.ts',
      'apps/api/src/reviews/reviews.repository.ts',
      'apps/api/src/reviews/reviews.service.ts',
    ]);
  });

  it('type-checks against the code it imitates', () => {
    const files = new Map<string, string>();
    for (const { path, code } of blocks) {
      files.set(join(root, path), path === ERROR_CODES_FILE ? withErrorCodes(code) : code);
    }
    expect(typeErrors(files)).toEqual([]);
  }, 120_000);
});
