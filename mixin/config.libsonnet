// The settings of the Tasker Metrics mixin. Override any of them in your own jsonnet:
//   (import 'mixin/mixin.libsonnet') + { _config+:: { jobSelector: 'job="tasker"' } }
{
  _config+:: {
    // The console's scrape: Prometheus names the job after the Service under the prometheus-operator
    // (deploy/kubernetes/components/monitoring) and after job_name without it
    // (deploy/prometheus/scrape-kubernetes.yml); both are tasker-console.
    jobSelector: 'job="tasker-console"',
    // The cluster view. The console marks every series of its /metrics with this label, and only
    // there: services that expose their own instance's metrics, or a copy of the cluster view, and
    // the CLI's remote-write exports lack it, so selecting it never counts a task twice.
    viewSelector: 'tasker_view="cluster"',
    // kube-state-metrics, which two alerts read (the export CronJobs' Jobs).
    kubeStateMetricsSelector: 'job="kube-state-metrics"',
    // The label that tells clusters apart in a Prometheus (or Thanos, Mimir) that holds several;
    // absent in a single cluster, where aggregating by it costs nothing.
    clusterLabel: 'cluster',
    // Shows the dashboard's cluster variable; hide it where one Prometheus sees one cluster.
    showMultiCluster: true,
    // The window of the recording rules and of the dashboard's rates.
    rateInterval: '5m',
    // The quantiles recorded from the task duration buckets; the dashboard draws them all.
    durationQuantiles: ['0.5', '0.95', '0.99'],

    // The export CronJobs, as kube-state-metrics names them.
    exportCronJobs: 'tasker-metrics-export(-backup)?',
    exportJobs: 'tasker-metrics-export-.*',

    thresholds: {
      // Exports run every 5 minutes (and a backup 2 minutes later): three missed windows.
      exportStaleSeconds: 900,
      // A failed Job counts while kube-state-metrics keeps it, for an hour after its creation.
      exportJobFailedWindowSeconds: 3600,
      // Syncs run every 30 s: more than 2 failures in 5 minutes is not a blip.
      syncFailuresIn5m: 2,
      // The gauge reaches the cluster view at the sync after the one it records, so a healthy
      // instance shows an age of up to two sync intervals (60 s); five is a stopped one.
      instanceNotSyncingSeconds: 150,
      taskErrorRatio: 0.05,
      // The default buckets end at 10 s, past which a quantile cannot be told apart.
      taskDurationP95Seconds: 5,
    },

    // Every alert's runbook_url is this with the alert's name in lower case.
    runbookURLPattern: 'https://github.com/tasker-metrics/tasker-metrics/blob/main/docs/operations.md#runbook-%s',

    // Derived: the console's cluster view, and the labels every rule and panel keeps.
    taskerSelector: '%s, %s' % [self.jobSelector, self.viewSelector],
    groupLabels: '%s, namespace, job' % self.clusterLabel,

    dashboard: {
      uid: 'tasker-metrics',
      title: 'Tasker Metrics',
      tags: ['tasker'],
      refresh: '30s',
      timezone: 'utc',
    },
  },
}
