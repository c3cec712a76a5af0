import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { kindOf } from './kubernetes-schemas.js';
import type { K8sObject } from './kustomize.js';

/**
 * Fields the API server would not know. The published schemas allow unknown properties (the
 * server prunes or refuses them later, so `runAsNonRoots: true` passes a schema check and then
 * silently does nothing); the kinds' TypeScript types list every field, and TypeScript's
 * excess-property check on an object literal reports any other one. Each object becomes
 * `const object: IKind = <its JSON>;` in a scratch file under node_modules/.cache (so the
 * packages resolve), type-checked with the repository's compiler.
 */
export function unknownFields(objects: readonly K8sObject[]): string[] {
  const root = process.cwd();
  const dir = mkdtempSync(join(root, 'node_modules', '.cache-manifest-types-'));
  try {
    const imports = new Map<string, string>();
    const lines = objects.map((object, index) => {
      const { module, type } = kindOf(object);
      const alias = `${type}${imports.size}`;
      if (!imports.has(module)) imports.set(module, alias);
      return `// ${object.kind}/${object.metadata.name}\nexport const object${index}: ${imports.get(module)!} = ${JSON.stringify(object, null, 1)};`;
    });
    const source = [
      ...[...imports].map(
        ([module, alias]) =>
          `import type { ${module.slice(module.lastIndexOf('/') + 1).replace(/^/, 'I')} as ${alias} } from '${module}';`,
      ),
      ...lines,
    ].join('\n');
    const file = join(dir, 'manifests.ts');
    writeFileSync(file, source);
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      types: [],
    });
    const sourceFile = program.getSourceFile(file)!;
    return ts.getPreEmitDiagnostics(program, sourceFile).map((diagnostic) => {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      if (diagnostic.start === undefined) return message;
      const { line } = sourceFile.getLineAndCharacterOfPosition(diagnostic.start);
      const owner = source
        .split('\n')
        .slice(0, line + 1)
        .reverse()
        .find((text) => text.startsWith('// '));
      return `${owner?.slice(3) ?? '?'}: ${message.split('\n')[0]}`;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
