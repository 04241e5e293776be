// The alert rules and the Grafana dashboard name only metrics the services register.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parse } from "yaml";
import { read, meters, unknownSeries } from "../lib/repo.js";

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
