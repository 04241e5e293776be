#!/usr/bin/env node
// Writes k8s/components/monitoring/prometheus-rule.yaml from deploy/prometheus/alerts.yml (the single source of
// the alert rules). Run it after editing the rules: node deploy/validation/bin/prometheus-rule.js
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../lib/repo.js";
import { prometheusRuleYaml, PROMETHEUS_RULE_FILE } from "../lib/monitoring.js";

writeFileSync(join(ROOT, PROMETHEUS_RULE_FILE), prometheusRuleYaml());
console.log(`wrote ${PROMETHEUS_RULE_FILE}`);
