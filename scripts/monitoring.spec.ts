// The alert rules and the Grafana dashboard (deploy/monitoring) parse, and every metric they
// name is one a service registers: the names are read from the code's registrations
// (`metrics.counter|gauge|histogram({ name: '...' })`), so renaming a metric without its alert
// fails here. `promtool check rules` runs too where promtool is installed (Debian: prometheus).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

const ROOT = join(import.meta.dirname, '..');
const MONITORING = join(ROOT, 'deploy/monitoring');
const PROMTOOL = '/usr/bin/promtool';

interface Rule {
  alert: string;
  expr: string;
  annotations?: { summary?: string };
}
interface Dashboard {
  panels: { title: string; targets: { expr: string }[] }[];
}

/** Metric names registered in apps/ and libs/ through MetricsService (or prom-client). */
export function registeredMetrics(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(path);
      } else if (entry.name.endsWith('.ts') && !entry.name.includes('spec.')) {
        const source = readFileSync(path, 'utf8');
        const registrations = source.matchAll(
          /(?:\.(?:counter|gauge|histogram)(?:<[^>]*>)?\(|new (?:Counter|Gauge|Histogram)(?:<[^>]*>)?\()\{\s*name: '([a-z_:][a-z0-9_:]*)'/g,
        );
        for (const [, name] of registrations) {
          names.add(name!);
        }
      }
    }
  };
  walk(join(ROOT, 'apps'));
  walk(join(ROOT, 'libs'));
  return names;
}

const KEYWORDS = new Set(['and', 'or', 'unless', 'bool', 'offset', 'inf', 'nan']);

/** The metric names a PromQL expression selects (histogram series by their metric's name). */
export function metricsIn(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '');
  const names = [...bare.matchAll(/\b([a-zA-Z_:][a-zA-Z0-9_:]*)\b(?!\s*\()/g)]
    .map(([, name]) => name!)
    .filter((name) => !KEYWORDS.has(name.toLowerCase()));
  return [...new Set(names.map((name) => name.replace(/_(?:bucket|sum|count)$/, '')))];
}

const rules = (
  load(readFileSync(join(MONITORING, 'alerts.yaml'), 'utf8')) as {
    groups: { name: string; rules: Rule[] }[];
  }
).groups.flatMap((group) => group.rules);
const dashboard = JSON.parse(
  readFileSync(join(MONITORING, 'grafana-dashboard.json'), 'utf8'),
) as Dashboard;
const dashboardExprs = dashboard.panels.flatMap((panel) => panel.targets.map((t) => t.expr));
const registered = registeredMetrics();

describe('reading metric names', () => {
  it('finds the metrics the services register, the shared ones and the workflow ones', () => {
    for (const name of [
      'outbox_publish_lag_seconds',
      'events_consumed_total',
      'workflow_cases_open',
    ]) {
      expect(registered).toContain(name);
    }
  });

  it('takes a PromQL expression apart into the metrics it selects', () => {
    expect(
      metricsIn(
        'histogram_quantile(0.95, sum by (service, le) (rate(a_seconds_bucket{x="y z"}[5m]))) > 30 and on (service) max(b_total) > 0',
      ),
    ).toEqual(['a_seconds', 'b_total']);
  });
});

describe('alert rules', () => {
  it('cover what a platform team must hear about', () => {
    const covered = rules.flatMap((rule) => metricsIn(rule.expr));
    expect(covered).toEqual(
      expect.arrayContaining([
        'outbox_publish_lag_seconds',
        'outbox_messages_parked',
        'consumer_events_parked',
        'events_consumed_total',
        'kafka_consumer_lag',
        'workflow_cases_open',
        'workflow_notifications_failed_total',
        'workflow_deadline_jobs_rearmed_total',
        'workflow_history_verification_failures_total',
      ]),
    );
  });

  it('name only metrics a service exposes', () => {
    const unknown = rules.flatMap((rule) =>
      metricsIn(rule.expr)
        .filter((name) => !registered.has(name))
        .map((name) => `${rule.alert}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });

  it('each have a summary', () => {
    expect(rules.filter((rule) => !rule.annotations?.summary).map((rule) => rule.alert)).toEqual(
      [],
    );
  });

  // CI installs Debian's prometheus package for promtool (.ci/run); elsewhere it may be missing.
  it('pass promtool check rules (required on CI)', () => {
    if (!existsSync(PROMTOOL)) {
      expect(process.env['CI']).toBeUndefined();
      return;
    }
    const output = execFileSync(PROMTOOL, ['check', 'rules', join(MONITORING, 'alerts.yaml')], {
      encoding: 'utf8',
    });
    expect(output).toContain(`SUCCESS: ${rules.length} rules found`);
  });
});

describe('Grafana dashboard', () => {
  it('names only metrics a service exposes', () => {
    const unknown = dashboardExprs.flatMap((expr) =>
      metricsIn(expr).filter((name) => !registered.has(name)),
    );
    expect(dashboardExprs.length).toBeGreaterThan(0);
    expect(unknown).toEqual([]);
  });

  it('shows every metric the alerts watch', () => {
    const shown = new Set(dashboardExprs.flatMap(metricsIn));
    const alerted = [...new Set(rules.flatMap((rule) => metricsIn(rule.expr)))];
    expect(alerted.filter((name) => !shown.has(name))).toEqual([]);
  });
});
