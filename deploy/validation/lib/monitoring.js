// The monitoring pieces that are derived from one source: the PrometheusRule of k8s/components/monitoring is
// generated from deploy/prometheus/alerts.yml (which docker-compose's Prometheus loads as it is), and the
// prometheus-adapter values must serve the metric the HPA reads.
import { createRequire } from "node:module";
import Ajv from "ajv";
import { parse, stringify } from "yaml";
import { read } from "./repo.js";

const require = createRequire(import.meta.url);

export const ALERTS_FILE = "deploy/prometheus/alerts.yml";
export const PROMETHEUS_RULE_FILE = "k8s/components/monitoring/prometheus-rule.yaml";
export const ADAPTER_VALUES_FILE = "k8s/components/parked-polls-autoscaling/adapter-values.yaml";

/** The PrometheusRule resource for the alert rules, as the text of k8s/components/monitoring/prometheus-rule.yaml. */
export function prometheusRuleYaml(alertsText = read(ALERTS_FILE)) {
  const { groups } = parse(alertsText);
  const rule = {
    apiVersion: "monitoring.coreos.com/v1",
    kind: "PrometheusRule",
    metadata: { name: "trading-signals-alerts", labels: { "app.kubernetes.io/name": "trading-signals-alerts" } },
    spec: { groups },
  };
  return "# GENERATED from deploy/prometheus/alerts.yml by `node deploy/validation/bin/prometheus-rule.js`: edit that\n"
    + "# file, then run the script. deploy/validation fails when this file and the rules differ.\n"
    + stringify(rule, { lineWidth: 0 });
}

/**
 * Problems of the prometheus-adapter values against the HPAs: every Pods metric an HPA reads is served by a custom
 * rule that finds the gauge the service registers, maps namespace and pod to their resources (the labels the
 * PodMonitor's targets carry) and groups by the resources asked for.
 */
export function checkAdapterRules(values, hpas, facts) {
  const problems = [];
  const rules = values?.rules?.custom ?? [];
  const seriesOf = (r) => /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\{|$)/.exec(r.seriesQuery ?? "")?.[1]
    ?? /__name__\s*=\s*"([^"]+)"/.exec(r.seriesQuery ?? "")?.[1];
  const exposedAs = (r) => {
    const series = seriesOf(r);
    if (!r.name?.as) return series;
    const m = r.name.matches ? new RegExp(r.name.matches).exec(series ?? "") : [series];
    return m ? r.name.as.replace(/\$\{?(\d+)\}?/g, (_, i) => m[Number(i)] ?? "") : undefined;
  };
  for (const hpa of hpas) {
    const svc = facts.services.find((s) => s.name === hpa.spec?.scaleTargetRef?.name);
    for (const m of hpa.spec?.metrics ?? []) {
      if (m.type !== "Pods") continue;
      const metric = m.pods?.metric?.name;
      const where = `HorizontalPodAutoscaler ${hpa.metadata.name}: pods metric ${metric}`;
      const rule = rules.find((r) => exposedAs(r) === metric);
      if (!rule) {
        problems.push(`${where} is served by no rule of ${ADAPTER_VALUES_FILE} (rules.custom[].name.as)`);
        continue;
      }
      const series = seriesOf(rule);
      if (svc && !svc.gauges.has(series)) problems.push(`${where}: the adapter rule reads ${series}, which is not a gauge ${svc.name} registers`);
      const o = rule.resources?.overrides ?? {};
      if (o.namespace?.resource !== "namespace" || o.pod?.resource !== "pod") {
        problems.push(`${where}: the adapter rule does not map the labels namespace and pod to their resources`);
      }
      for (const label of ["namespace", "pod"]) {
        if (!new RegExp(`${label}\\s*!=\\s*""`).test(rule.seriesQuery)) problems.push(`${where}: seriesQuery does not require a ${label} label`);
      }
      for (const t of ["<<.Series>>", "<<.LabelMatchers>>", "<<.GroupBy>>"]) {
        if (!String(rule.metricsQuery ?? "").includes(t)) problems.push(`${where}: metricsQuery does not use ${t}`);
      }
    }
  }
  return problems;
}

let adapterValidate;
/** Problems of the adapter values against schemas/prometheus-adapter-values.schema.json: [] when valid. */
export function adapterValuesSchemaProblems(values) {
  adapterValidate ??= new Ajv({ strict: false, allErrors: true }).compile(require("../schemas/prometheus-adapter-values.schema.json"));
  if (adapterValidate(values)) return [];
  return adapterValidate.errors.map((e) => `${ADAPTER_VALUES_FILE}${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? `: ${e.params.additionalProperty}` : ""}`);
}
