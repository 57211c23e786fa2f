// What mixin/render.sh writes under deploy/: file name -> text. The build renders this again and
// fails when a committed file differs (console/src/test/.../deploy/MixinTest.java).
local mixin = import 'mixin.libsonnet';
local header(what) = '# %s\n# Rendered from mixin/ by mixin/render.sh: edit the mixin, not this file.\n' % what;
// jsonnet --multi ends every file with a newline of its own.
local yaml(value) = std.manifestYamlDoc(value, indent_array_in_object=true, quote_keys=false);
local groups = mixin.prometheusRules.groups + mixin.prometheusAlerts.groups;

{
  // For the prometheus-operator (deploy/kubernetes/components/monitoring).
  'kubernetes/components/monitoring/prometheusrule.yaml':
    header('The recording rules and alerts of Tasker Metrics, tested by deploy/prometheus/tasker-metrics.test.yml.')
    + yaml({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: { name: 'tasker-metrics' },
      spec: { groups: groups },
    }),
  // The same groups as a rule file, for a Prometheus without the operator and for promtool.
  'prometheus/tasker-metrics.rules.yml':
    header('The recording rules and alerts of Tasker Metrics, for the rule_files of a Prometheus without the operator.')
    + yaml({ groups: groups }),
} + {
  ['grafana/' + name]: std.manifestJsonEx(mixin.grafanaDashboards[name], '  ')
  for name in std.objectFields(mixin.grafanaDashboards)
}
