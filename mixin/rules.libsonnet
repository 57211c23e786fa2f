// Recording rules: per cluster, namespace, job and task, over the console's cluster view only
// (_config.taskerSelector). The dashboard and the task alerts read these; a rule's name says what
// it keeps (level:metric:operation, as https://prometheus.io/docs/practices/rules/ names them).
{
  prometheusRules+:: {
    local c = $._config,
    local by = c.groupLabels + ', task_name',
    groups+: [
      {
        name: 'tasker-metrics.rules',
        rules: [
          {
            record: 'namespace_job_task_name_status:tasker_task_executions:rate%s' % c.rateInterval,
            expr: |||
              sum by (%s, status) (
                rate(tasker_task_executions_total{%s}[%s])
              )
            ||| % [by, c.taskerSelector, c.rateInterval],
          },
          {
            record: 'namespace_job_task_name:tasker_task_executions:rate%s' % c.rateInterval,
            expr: 'sum by (%s) (namespace_job_task_name_status:tasker_task_executions:rate%s)' % [by, c.rateInterval],
          },
          {
            // Failures over all executions of the same task. Both sides drop `status` first:
            // dividing series that keep it compares each status with itself and gives 1.
            record: 'namespace_job_task_name:tasker_task_failures:ratio_rate%s' % c.rateInterval,
            expr: |||
              sum by (%(by)s) (namespace_job_task_name_status:tasker_task_executions:rate%(w)s{status="failure"})
              / namespace_job_task_name:tasker_task_executions:rate%(w)s
            ||| % { by: by, w: c.rateInterval },
          },
          {
            record: 'namespace_job_task_name_le:tasker_task_duration_seconds_bucket:rate%s' % c.rateInterval,
            expr: |||
              sum by (%s, le) (
                rate(tasker_task_duration_seconds_bucket{%s}[%s])
              )
            ||| % [by, c.taskerSelector, c.rateInterval],
          },
        ] + [
          {
            record: 'namespace_job_task_name:tasker_task_duration_seconds:histogram_quantile',
            expr: 'histogram_quantile(%s, namespace_job_task_name_le:tasker_task_duration_seconds_bucket:rate%s)' % [q, c.rateInterval],
            labels: { quantile: q },
          }
          for q in c.durationQuantiles
        ],
      },
    ],
  },
}
