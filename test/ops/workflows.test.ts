import { describe, expect, it } from '@jest/globals';
import {
  convertWorkflowTemplate,
  NoOperationTraceWriter,
  parseWorkflow,
} from '@actions/workflow-parser';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const WORKFLOWS = join(process.cwd(), '.github', 'workflows');

/**
 * Errors GitHub would report for a workflow file: its own parser, schema and model conversion
 * (@actions/workflow-parser, the library behind the Actions language service).
 */
async function workflowErrors(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  if (parsed.value !== undefined) {
    await convertWorkflowTemplate(parsed.context, parsed.value);
  }
  const errors = parsed.context.errors.getErrors().map((error) => error.message);
  return parsed.value === undefined && errors.length === 0 ? ['nothing parsed'] : errors;
}

describe('GitHub workflow files', () => {
  const files = readdirSync(WORKFLOWS).filter((file) => /\.ya?ml$/.test(file));

  it('exist for CI and release', () => {
    expect(files.sort()).toEqual(['ci.yml', 'release.yml']);
  });

  it.each(files)('%s is valid against the workflow schema', async (file) => {
    const content = readFileSync(join(WORKFLOWS, file), 'utf8');
    expect(await workflowErrors(file, content)).toEqual([]);
  });

  it('the release pushes to GHCR from tags only, with the least permissions', () => {
    const release = parse(readFileSync(join(WORKFLOWS, 'release.yml'), 'utf8')) as {
      on: { push: { tags: string[]; branches?: unknown } };
      permissions: Record<string, string>;
      jobs: { image: { permissions: Record<string, string> } };
    };
    expect(release.on.push.tags).toEqual(['v*.*.*']);
    expect(release.on.push.branches).toBeUndefined();
    expect(release.permissions).toEqual({ contents: 'read' });
    expect(release.jobs.image.permissions.packages).toBe('write');
  });

  it('the validation can fail: a misspelt key and a job without runs-on are reported', async () => {
    const broken = 'on: push\njobs:\n  build:\n    step:\n      - run: echo\n';
    const errors = await workflowErrors('broken.yml', broken);
    expect(errors.join('\n')).toMatch(/step/);
  });
});

describe('Dependabot', () => {
  it('updates npm packages, Docker images and GitHub Actions', () => {
    const config = parse(
      readFileSync(join(process.cwd(), '.github', 'dependabot.yml'), 'utf8'),
    ) as {
      version: number;
      updates: { 'package-ecosystem': string; directory: string }[];
    };
    expect(config.version).toBe(2);
    expect(config.updates.map((update) => update['package-ecosystem'])).toEqual(
      expect.arrayContaining(['npm', 'docker', 'github-actions']),
    );
  });
});
