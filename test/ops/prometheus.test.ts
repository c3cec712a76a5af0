import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { hasPromtool, promtoolCheckExpressions, promtoolTestRules } from './support/promtool.js';

const root = process.cwd();
const ruleFile = join(root, 'k8s', 'overlays', 'prod', 'prometheus-rule.yaml');
const testFile = join(root, 'test', 'ops', 'prometheus', 'api-rules.test.yaml');
interface Rule {
  alert?: string;
  record?: string;
  expr: string;
}
const groups = (): { name: string; rules: Rule[] }[] =>
  (parse(readFileSync(ruleFile, 'utf8')) as { spec: { groups: { name: string; rules: Rule[] }[] } })
    .spec.groups;

describe('PrometheusRule api (alerts as code)', () => {
  it('alerts on availability and latency burn rates, 5xx, outbox lag, dead letters, flapping', () => {
    const alerts = groups().flatMap((g) => g.rules.flatMap((r) => (r.alert ? [r.alert] : [])));
    expect(alerts.sort()).toEqual(
      [
        'ApiAvailabilityBudgetBurnFast',
        'ApiAvailabilityBudgetBurnSlow',
        'ApiLatencyBudgetBurnFast',
        'ApiLatencyBudgetBurnSlow',
        'ApiHigh5xxRatio',
        'OutboxLagHigh',
        'JobsDeadLettered',
        'PodReadinessFlapping',
      ].sort(),
    );
  });

  it('has a promtool test for every alert', () => {
    const tested = new Set(
      [...readFileSync(testFile, 'utf8').matchAll(/alertname: (\w+)/g)].map((m) => m[1]),
    );
    for (const group of groups())
      for (const rule of group.rules) if (rule.alert) expect(tested).toContain(rule.alert);
  });

  (hasPromtool ? it : it.skip)(
    `passes \`promtool test rules\`${hasPromtool ? '' : ' (skipped: no promtool; apt-get install prometheus)'}`,
    () => {
      const result = promtoolTestRules(groups(), testFile, 'api-rules.yaml');
      expect(result.output).toMatch(/SUCCESS/);
      expect(result.ok).toBe(true);
    },
  );

  (hasPromtool ? it : it.skip)('promtool fails on a broken expression or a wrong threshold', () => {
    const broken = groups();
    const fast = broken[0]!.rules.find((r) => r.alert === 'ApiAvailabilityBudgetBurnFast')!;
    fast.expr = fast.expr.replaceAll('14.4 * 0.001', '14.4 * 0.5');
    expect(promtoolTestRules(broken, testFile, 'api-rules.yaml').ok).toBe(false);
    const invalid = groups();
    invalid[0]!.rules[0]!.expr = 'sum(rate(http_server_request_duration_seconds_count[5m])';
    const result = promtoolTestRules(invalid, testFile, 'api-rules.yaml');
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/parse error|unclosed/i);
  });
});

describe('AnalysisTemplate api-slo (canary gate)', () => {
  const template = parse(
    readFileSync(join(root, 'k8s', 'overlays', 'prod', 'analysis-template.yaml'), 'utf8'),
  ) as { spec: { metrics: { name: string; provider: { prometheus: { query: string } } }[] } };
  /** The queries as Argo Rollouts sends them, with example argument values. */
  const queries = template.spec.metrics.map(({ provider }) =>
    provider.prometheus.query
      .replaceAll('{{args.namespace}}', 'api-prod')
      .replaceAll('{{args.canary-hash}}', '6d4f8b7c9'),
  );

  (hasPromtool ? it : it.skip)('queries valid PromQL (promtool)', () => {
    expect(queries).toHaveLength(2);
    expect(promtoolCheckExpressions(queries).output).not.toMatch(/FAILED/);
    expect(promtoolCheckExpressions(queries).ok).toBe(true);
    expect(promtoolCheckExpressions([queries[0]!.replace('/', '//')]).ok).toBe(false);
  });
});
