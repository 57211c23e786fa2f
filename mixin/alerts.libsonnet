// The alerts, each per cluster and namespace (two deployments of Tasker Metrics in one Prometheus
// alert apart). Each is tested by deploy/prometheus/tasker-metrics.test.yml: a case that fires, one
// that must not, and one with two namespaces.
// Not the design document's: `increase(kube_job_status_failed[1h])` stays 0 for a failed CronJob
// run (every run is a new series that first appears at 1), and `time() -
// kube_job_status_completion_time` fires for an old run the history still keeps while the newest
// one succeeded a minute ago. These are built on kube_job_failed, on
// kube_cronjob_status_last_successful_time and on the console's own metrics.
{
  local c = $._config,
  local t = c.thresholds,
  local ns = '%s, namespace' % c.clusterLabel,
  local runbook(alert) = c.runbookURLPattern % std.asciiLower(alert),
  local alert(name, severity, summary, description, expr, forDuration=null) = {
    alert: name,
    expr: expr,
    labels: { severity: severity },
    annotations: { summary: summary, description: description, runbook_url: runbook(name) },
  } + (if forDuration == null then {} else { 'for': forDuration }),

  prometheusAlerts+:: {
    groups+: [
      {
        name: 'tasker-metrics-export',
        rules: [
          // The console's last successful export (it imports the CronJobs' exports from the shared
          // history at every sync); or, without a console, no export CronJob succeeded lately.
          alert(
            'TaskerMetricsExportStale',
            'critical',
            'Tasker metrics export stale',
            'No successful metrics export in {{ $labels.namespace }} for {{ $value | humanizeDuration }}.',
            |||
              (
                time() - max by (%(ns)s) (tasker_metrics_last_export_success_timestamp_seconds{%(sel)s})
                > %(limit)d
              )
              or
              (
                min by (%(ns)s) (
                  time() - kube_cronjob_status_last_successful_time{%(ksm)s, cronjob=~"%(cronjobs)s"}
                )
                > %(limit)d
              )
            ||| % { ns: ns, sel: c.taskerSelector, ksm: c.kubeStateMetricsSelector, cronjobs: c.exportCronJobs, limit: t.exportStaleSeconds },
            '5m',
          ),
          // kube_job_failed is 1 for as long as a failed Job is kept (failedJobsHistoryLimit), so
          // only Jobs created lately count.
          alert(
            'TaskerMetricsExportJobFailed',
            'warning',
            'Tasker metrics export job failed',
            'Export job {{ $labels.namespace }}/{{ $labels.job_name }} failed.',
            |||
              max by (%(ns)s, job_name) (kube_job_failed{%(ksm)s, condition="true", job_name=~"%(jobs)s"}) > 0
              and on (%(ns)s, job_name)
              (
                time() - max by (%(ns)s, job_name) (kube_job_created{%(ksm)s, job_name=~"%(jobs)s"})
                < %(window)d
              )
            ||| % { ns: ns, ksm: c.kubeStateMetricsSelector, jobs: c.exportJobs, window: t.exportJobFailedWindowSeconds },
          ),
        ],
      },
      {
        name: 'tasker-metrics-sync',
        rules: [
          // The cluster view sums every console's failures into one counter.
          alert(
            'TaskerMetricsSyncFailing',
            'warning',
            'Tasker metrics sync failing',
            '{{ $value | humanize }} syncs to the shared store failed in {{ $labels.namespace }} in the last 5 minutes.',
            |||
              sum by (%s) (increase(tasker_metrics_sync_failures_total{%s}[5m]))
              > %d
            ||| % [ns, c.taskerSelector, t.syncFailuresIn5m],
            '5m',
          ),
          // The gauge keeps each Tasker instance's id as `instance` (the ServiceMonitor honours it).
          alert(
            'TaskerMetricsInstanceNotSyncing',
            'warning',
            'A Tasker metrics instance stopped syncing',
            'Instance {{ $labels.instance }} in {{ $labels.namespace }} last synced {{ $value | humanizeDuration }} ago.',
            |||
              time() - max by (%s, instance) (tasker_metrics_last_sync_success_timestamp_seconds{%s})
              > %d
            ||| % [ns, c.taskerSelector, t.instanceNotSyncingSeconds],
            '1m',
          ),
        ],
      },
      {
        name: 'tasker-tasks',
        rules: [
          alert(
            'TaskerTaskErrorRateHigh',
            'warning',
            'Task error rate over %d%%' % (t.taskErrorRatio * 100),
            '{{ $labels.task_name }} in {{ $labels.namespace }} fails {{ $value | humanizePercentage }} of its executions.',
            'namespace_job_task_name:tasker_task_failures:ratio_rate%s > %g' % [c.rateInterval, t.taskErrorRatio],
            '10m',
          ),
          alert(
            'TaskerTaskDurationP95High',
            'warning',
            'Task p95 duration high',
            '95% of {{ $labels.task_name }} runs in {{ $labels.namespace }} take up to {{ $value | humanizeDuration }}.',
            'namespace_job_task_name:tasker_task_duration_seconds:histogram_quantile{quantile="0.95"} > %g' % t.taskDurationP95Seconds,
            '15m',
          ),
        ],
      },
    ],
  },
}
