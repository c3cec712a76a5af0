import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parse } from 'yaml';
import { exportedSeries, seriesIn } from './support/app-metrics.js';
import { hasPromtool, promtoolCheckExpressions } from './support/promtool.js';

const root = process.cwd();
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, { volumes?: string[] }>;
};
/** The otel-lgtm image's Grafana reads providers from here (its own files sit beside ours). */
const PROVISIONING = '/otel-lgtm/grafana/conf/provisioning/dashboards/';

interface Panel {
  title: string;
  datasource: { type: string; uid: string };
  targets: { expr: string; datasource: { uid: string } }[];
  gridPos: { x: number; y: number; w: number; h: number };
}
interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
}

/** Host file -> container path of every bind mount of the lgtm service. */
const mounts = (): Map<string, string> =>
  new Map(
    (compose.services.lgtm?.volumes ?? []).map((volume) => {
      const [host = '', container = ''] = volume.split(':');
      return [host, container];
    }),
  );

const readDashboard = (): Dashboard =>
  JSON.parse(
    readFileSync(join(root, 'compose', 'grafana', 'api-dashboard.json'), 'utf8'),
  ) as Dashboard;

/** Problems Grafana or Prometheus would show as an empty or broken panel. */
async function dashboardProblems(dashboard: Dashboard): Promise<string[]> {
  const series = await exportedSeries();
  const problems: string[] = [];
  if (!/^[\w-]{1,40}$/.test(dashboard.uid)) problems.push(`uid ${dashboard.uid}`);
  for (const panel of dashboard.panels) {
    if (panel.datasource.uid !== 'prometheus') problems.push(`${panel.title}: datasource`);
    if (panel.targets.length === 0) problems.push(`${panel.title}: no query`);
    for (const { expr, datasource } of panel.targets) {
      if (datasource.uid !== 'prometheus') problems.push(`${panel.title}: target datasource`);
      for (const name of seriesIn(expr)) {
        if (!series.has(name)) problems.push(`${panel.title}: no metric ${name}`);
      }
    }
  }
  return problems;
}

describe('Grafana dashboard of the compose stack (compose/grafana)', () => {
  it('is provisioned into the otel-lgtm container: provider and dashboard mounted', () => {
    const mounted = mounts();
    const providerPath = mounted.get('./compose/grafana/dashboards.yaml');
    expect(providerPath?.startsWith(PROVISIONING)).toBe(true);
    const provider = parse(
      readFileSync(join(root, 'compose', 'grafana', 'dashboards.yaml'), 'utf8'),
    ) as {
      apiVersion: number;
      providers: { type: string; options: { path: string } }[];
    };
    expect(provider.apiVersion).toBe(1);
    const dashboardPath = mounted.get('./compose/grafana/api-dashboard.json');
    expect(provider.providers).toHaveLength(1);
    expect(provider.providers[0]!.type).toBe('file');
    expect(posix.dirname(dashboardPath ?? '')).toBe(provider.providers[0]!.options.path);
  });

  it('queries only metrics the api and the worker export, from the Prometheus datasource', async () => {
    const dashboard = readDashboard();
    expect(dashboard.panels.length).toBeGreaterThanOrEqual(8);
    expect(await dashboardProblems(dashboard)).toEqual([]);
  });

  it('lays panels out without overlap', () => {
    const cells = new Set<string>();
    for (const { gridPos, title } of readDashboard().panels) {
      for (let x = gridPos.x; x < gridPos.x + gridPos.w; x++) {
        for (let y = gridPos.y; y < gridPos.y + gridPos.h; y++) {
          expect(`${title} ${x},${y} ${cells.has(`${x},${y}`) ? 'taken' : 'free'}`).toMatch(
            /free$/,
          );
          cells.add(`${x},${y}`);
        }
      }
      expect(gridPos.x + gridPos.w).toBeLessThanOrEqual(24);
    }
  });

  it('the metric check can fail: a misspelt metric is reported', async () => {
    const broken = readDashboard();
    broken.panels[0]!.targets[0]!.expr = 'sum(rate(http_server_request_duration_secnds_count[5m]))';
    expect((await dashboardProblems(broken)).join()).toMatch(
      /no metric http_server_request_duration_secnds_count/,
    );
  });

  (hasPromtool ? it : it.skip)(
    `every panel query is valid PromQL (promtool)${hasPromtool ? '' : ' (skipped: no promtool)'}`,
    () => {
      const exprs = readDashboard().panels.flatMap((p) => p.targets.map((t) => t.expr));
      expect(promtoolCheckExpressions(exprs)).toEqual({ ok: true, output: expect.any(String) });
      expect(promtoolCheckExpressions(['sum(rate(x[5m])']).ok).toBe(false);
    },
  );
});
