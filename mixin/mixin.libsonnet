// The Tasker Metrics monitoring mixin: prometheusAlerts, prometheusRules and grafanaDashboards,
// as kubernetes-mixin and node-mixin lay them out, configured by _config (config.libsonnet).
(import 'config.libsonnet')
+ (import 'alerts.libsonnet')
+ (import 'rules.libsonnet')
+ (import 'dashboards.libsonnet')
