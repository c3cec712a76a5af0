import { describe, expect, it } from '@jest/globals';
import {
  convertWorkflowTemplate,
  NoOperationTraceWriter,
  parseWorkflow,
} from '@actions/workflow-parser';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { actionUses, unpinnedActions } from './support/action-pins.js';

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

  const read = (file: string): string => readFileSync(join(WORKFLOWS, file), 'utf8');
  interface Workflow {
    on: Record<string, unknown>;
    permissions?: unknown;
    concurrency?: { group: string };
    jobs: Record<string, { permissions?: Record<string, string>; steps: Json[] }>;
  }
  type Json = Record<string, unknown>;
  const workflow = (file: string): Workflow => parse(read(file)) as Workflow;
  const steps = (file: string): Json[] =>
    Object.values(workflow(file).jobs).flatMap((job) => job.steps);
  const step = (file: string, action: string): Json | undefined =>
    steps(file).find((s) => String(s.uses).startsWith(`${action}@`));

  it('exist for CI, release, code scanning, dependency review, image scan and Scorecard', () => {
    expect(files.sort()).toEqual([
      'ci.yml',
      'codeql.yml',
      'dependency-review.yml',
      'image-scan.yml',
      'release.yml',
      'scorecard.yml',
    ]);
  });

  it.each(files)('%s pins every action to a commit, with its version in a comment', (file) => {
    expect(unpinnedActions(read(file))).toEqual([]);
  });

  it('each action is pinned to one commit everywhere (one version across files)', () => {
    const pins = new Map<string, Set<string>>();
    for (const use of files.flatMap((file) => actionUses(read(file)))) {
      const action = use.action.split('/').slice(0, 2).join('/');
      pins.set(action, (pins.get(action) ?? new Set()).add(`${use.ref} ${use.version ?? ''}`));
    }
    for (const [action, refs] of pins) expect({ [action]: refs.size }).toEqual({ [action]: 1 });
  });

  it.each(files)('%s starts from read-only permissions', (file) => {
    expect(['read-all', { contents: 'read' }]).toContainEqual(workflow(file).permissions);
  });

  it('the release builds amd64 and arm64 with SBOM and provenance, one run per tag at a time', () => {
    const release = workflow('release.yml');
    expect(release.concurrency?.group).toMatch(/github\.ref/);
    expect(step('release.yml', 'docker/setup-qemu-action')).toBeDefined();
    expect(step('release.yml', 'docker/build-push-action')?.with).toMatchObject({
      platforms: 'linux/amd64,linux/arm64',
      sbom: true,
      provenance: 'mode=max',
    });
    expect(step('release.yml', 'actions/attest-build-provenance')).toBeDefined();
  });

  it('CodeQL analyses JavaScript/TypeScript; dependency review runs on pull requests', () => {
    expect(step('codeql.yml', 'github/codeql-action/init')?.with).toMatchObject({
      languages: 'javascript-typescript',
    });
    expect(step('codeql.yml', 'github/codeql-action/analyze')).toBeDefined();
    expect(Object.keys(workflow('dependency-review.yml').on)).toEqual(['pull_request']);
    expect(step('dependency-review.yml', 'actions/dependency-review-action')).toBeDefined();
  });

  it('the image scan uploads SARIF of both images; Scorecard publishes its SARIF', () => {
    const scan = step('image-scan.yml', 'aquasecurity/trivy-action');
    expect(scan?.with).toMatchObject({ 'scan-type': 'image', format: 'sarif' });
    const upload = step('image-scan.yml', 'github/codeql-action/upload-sarif');
    expect((upload?.with as Json).sarif_file).toBe((scan?.with as Json).output);
    expect(workflow('image-scan.yml').jobs.scan).toMatchObject({
      strategy: { matrix: { app: ['api', 'worker'] } },
    });
    expect(step('scorecard.yml', 'ossf/scorecard-action')?.with).toMatchObject({
      results_format: 'sarif',
    });
    expect(step('scorecard.yml', 'github/codeql-action/upload-sarif')).toBeDefined();
  });

  it('the pin rule refuses a tag, a short SHA and a pin without its version', () => {
    const broken = [
      'steps:',
      '  - uses: actions/checkout@v7',
      '  - uses: actions/checkout@3d3c42e',
      '  - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1',
      '  - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1',
      '  - uses: ./.github/actions/local',
    ].join('\n');
    expect(unpinnedActions(broken).map((problem) => problem.split(':')[0])).toEqual([
      'line 2',
      'line 3',
      'line 4',
    ]);
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
