// The alert rules and the Grafana dashboard name only metrics the services register.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parse } from "yaml";
import { read, meters, unknownSeries, allFacts } from "../lib/repo.js";
import { render } from "../lib/k8s.js";
import { prometheusRuleYaml, checkAdapterRules, adapterValuesSchemaProblems, PROMETHEUS_RULE_FILE, ADAPTER_VALUES_FILE } from "../lib/monitoring.js";

const known = meters();

test("the services register the metrics operations.md describes", () => {
  for (const m of ["device_polls_parked", "device_polls_total", "device_poll_wake_latency_seconds_bucket", "device_auth_failures_total",
    "outbox_unpublished", "execution_reports_total", "execution_overfills_total", "execution_orphan_fills", "affiliate_payouts_total",
    "affiliate_fills_unpriced_total"]) {
    assert.ok(known.has(m), m);
  }
});

test("every alert rule is complete and names only registered metrics", () => {
  const rules = parse(read("deploy/prometheus/alerts.yml")).groups.flatMap((g) => g.rules);
  assert.ok(rules.length >= 8);
  for (const r of rules) {
    assert.ok(r.alert && r.expr && r.labels?.severity && r.annotations?.summary, JSON.stringify(r));
    assert.deepEqual(unknownSeries(r.expr, known), [], r.alert);
    assert.match(read("docs/operations.md"), new RegExp(`\\b${r.alert}\\b`), `${r.alert} is explained in docs/operations.md`);
  }
});

test("every dashboard query names only registered metrics", () => {
  const dash = JSON.parse(read("docs/grafana/trading-signals.json"));
  const exprs = dash.panels.flatMap((p) => p.targets.map((t) => t.expr));
  assert.ok(exprs.length >= 14);
  for (const e of exprs) assert.deepEqual(unknownSeries(e, known), [], e);
});

test("a misspelt metric in an expression is reported", () => {
  assert.deepEqual(unknownSeries("sum(rate(device_pols_total[5m])) / max(outbox_unpublished)", known), ["device_pols_total"]);
});

test("the PrometheusRule is generated from deploy/prometheus/alerts.yml and has not drifted from it", () => {
  assert.equal(read(PROMETHEUS_RULE_FILE), prometheusRuleYaml(), "run: node deploy/validation/bin/prometheus-rule.js");
  const changed = read("deploy/prometheus/alerts.yml").replace("for: 2m", "for: 3m");
  assert.notEqual(read(PROMETHEUS_RULE_FILE), prometheusRuleYaml(changed));
});

test("prometheus-adapter's values serve the metric prod's HPA reads, from the gauge device-service registers", () => {
  const values = parse(read(ADAPTER_VALUES_FILE));
  assert.deepEqual(adapterValuesSchemaProblems(values), []);
  const hpas = render("k8s/overlays/prod").filter((o) => o.kind === "HorizontalPodAutoscaler");
  assert.deepEqual(checkAdapterRules(values, hpas, allFacts()), []);
});

test("a renamed adapter metric, a rule reading another series, or a misspelt rule field is reported", () => {
  const facts = allFacts();
  const hpas = render("k8s/overlays/prod").filter((o) => o.kind === "HorizontalPodAutoscaler");
  const values = parse(read(ADAPTER_VALUES_FILE));
  const renamed = structuredClone(values);
  renamed.rules.custom[0].name.as = "parked_polls";
  assert.match(checkAdapterRules(renamed, hpas, facts).join("\n"), /pods metric device_polls_parked is served by no rule/);
  const other = structuredClone(values);
  other.rules.custom[0].seriesQuery = 'device_polls_total{namespace!="",pod!=""}';
  other.rules.custom[0].name.matches = "^device_polls_total$";
  other.rules.custom[0].resources.overrides = { kubernetes_namespace: { resource: "namespace" } };
  const problems = checkAdapterRules(other, hpas, facts).join("\n");
  assert.match(problems, /reads device_polls_total, which is not a gauge device-service registers/);
  assert.match(problems, /does not map the labels namespace and pod/);
  const misspelt = structuredClone(values);
  misspelt.rules.custom[0].metricQuery = misspelt.rules.custom[0].metricsQuery;
  delete misspelt.rules.custom[0].metricsQuery;
  assert.match(adapterValuesSchemaProblems(misspelt).join("\n"), /additional properties: metricQuery/);
});
