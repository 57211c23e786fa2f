// The Grafana dashboard, as plain JSON (no grafonnet: nothing to vendor). Every query reads the
// console's cluster view of the chosen cluster, namespace and job, through the recording rules
// where one exists; the top row holds the headline numbers as stat panels.
{
  local c = $._config,
  local t = c.thresholds,
  local w = c.rateInterval,
  local ds = { type: 'prometheus', uid: '${datasource}' },
  // Recording rules keep cluster, namespace and job; the raw series also need the view's label.
  local rules = '%s=~"$cluster", namespace=~"$namespace", job=~"$job"' % c.clusterLabel,
  local raw = '%s, %s' % [rules, c.viewSelector],
  // '0.95' -> 'p95', '0.5' -> 'p50'
  local percentile(q) = local d = std.substr(q, 2, std.length(q) - 2); 'p' + d + (if std.length(d) == 1 then '0' else ''),

  local target(refId, expr, legend='') = { refId: refId, datasource: ds, expr: expr, legendFormat: legend },

  // A headline number in the top row; red from `red` on.
  local stat(id, p) = {
    id: id,
    type: 'stat',
    title: p.title,
    description: p.description,
    datasource: ds,
    gridPos: { x: (id - 1) * 4, y: 0, w: 4, h: 4 },
    fieldConfig: {
      defaults: {
        unit: p.unit,
        color: { mode: 'thresholds' },
        thresholds: {
          mode: 'absolute',
          steps: [{ color: 'green', value: null }] + (if std.objectHas(p, 'red') then [{ color: 'red', value: p.red }] else []),
        },
      },
      overrides: [],
    },
    options: {
      reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false },
      colorMode: 'value',
      graphMode: 'area',
      justifyMode: 'auto',
      orientation: 'auto',
      textMode: 'auto',
    },
    targets: [target('A', p.expr)],
  },

  // Two a row under the stat panels.
  local timeseries(id, p) = {
    local n = id - 7,
    id: id,
    type: 'timeseries',
    title: p.title,
    description: p.description,
    datasource: ds,
    gridPos: { x: (n % 2) * 12, y: 4 + std.floor(n / 2) * 8, w: 12, h: 8 },
    fieldConfig: { defaults: { unit: p.unit }, overrides: [] },
    options: { legend: { displayMode: 'list', placement: 'bottom' }, tooltip: { mode: 'multi' } },
    targets: p.targets,
  },

  local stats = [
    {
      title: 'Task executions',
      description: 'Task executions per second, every task.',
      unit: 'ops',
      expr: 'sum(namespace_job_task_name:tasker_task_executions:rate%s{%s})' % [w, rules],
    },
    {
      title: 'Error ratio',
      description: 'Failed executions over all executions, every task; TaskerTaskErrorRateHigh fires per task over %g%%.'
                   % (t.taskErrorRatio * 100),
      unit: 'percentunit',
      expr: |||
        sum(namespace_job_task_name_status:tasker_task_executions:rate%(w)s{%(rules)s, status="failure"})
        / sum(namespace_job_task_name:tasker_task_executions:rate%(w)s{%(rules)s})
      ||| % { w: w, rules: rules },
      red: t.taskErrorRatio,
    },
    {
      title: 'Task duration p95',
      description: '95th percentile of every task run, from the duration buckets.',
      unit: 's',
      expr: 'histogram_quantile(0.95, sum by (le) (namespace_job_task_name_le:tasker_task_duration_seconds_bucket:rate%s{%s}))'
            % [w, rules],
      red: t.taskDurationP95Seconds,
    },
    {
      title: 'Tasks waiting',
      description: 'Queue depth, every queue.',
      unit: 'short',
      expr: 'sum(tasker_queue_depth{%s})' % raw,
    },
    {
      title: 'Last export',
      description: 'Age of the last successful export; TaskerMetricsExportStale fires past %d s.' % t.exportStaleSeconds,
      unit: 's',
      expr: 'time() - max(tasker_metrics_last_export_success_timestamp_seconds{%s})' % raw,
      red: t.exportStaleSeconds,
    },
    {
      title: 'Failed syncs (15m)',
      description: 'Syncs to the shared store that failed in the last 15 minutes.',
      unit: 'short',
      expr: 'sum(increase(tasker_metrics_sync_failures_total{%s}[15m]))' % raw,
      red: 1,
    },
  ],

  local graphs = [
    {
      title: 'Task throughput',
      description: "Successful task executions per second, by task (the design's Task Completion Rate).",
      unit: 'ops',
      targets: [target(
        'A',
        'sum by (namespace, task_name) (namespace_job_task_name_status:tasker_task_executions:rate%s{%s, status="success"})' % [w, rules],
        '{{namespace}} {{task_name}}'
      )],
    },
    {
      title: 'Error rate by task',
      description: 'Failed executions over all executions, per task. TaskerTaskErrorRateHigh fires over %g%%.' % (t.taskErrorRatio * 100),
      unit: 'percentunit',
      targets: [target('A', 'namespace_job_task_name:tasker_task_failures:ratio_rate%s{%s}' % [w, rules], '{{namespace}} {{task_name}}')],
    },
    {
      title: 'Task duration %s' % std.join(' / ', [percentile(q) for q in c.durationQuantiles]),
      description: 'Quantiles from the histogram buckets, per task.',
      unit: 's',
      targets: [
        target(
          std.char(std.codepoint('A') + i),
          'namespace_job_task_name:tasker_task_duration_seconds:histogram_quantile{%s, quantile="%s"}' % [rules, c.durationQuantiles[i]],
          '%s {{namespace}} {{task_name}}' % percentile(c.durationQuantiles[i])
        )
        for i in std.range(0, std.length(c.durationQuantiles) - 1)
      ],
    },
    {
      title: 'Step failures',
      description: 'Failed step executions per second, by step.',
      unit: 'ops',
      targets: [target(
        'A',
        'sum by (namespace, step_name) (rate(tasker_step_executions_total{%s, status="failure"}[$__rate_interval]))' % raw,
        '{{namespace}} {{step_name}}'
      )],
    },
    {
      title: 'Queue depth',
      description: 'Tasks waiting, by queue.',
      unit: 'short',
      targets: [target('A', 'sum by (namespace, queue) (tasker_queue_depth{%s})' % raw, '{{namespace}} {{queue}}')],
    },
    {
      title: 'Sync health',
      description: "Age of each console's last successful sync, and syncs that failed in the last 15 minutes.",
      unit: 's',
      targets: [
        target(
          'A',
          'time() - max by (namespace, instance) (tasker_metrics_last_sync_success_timestamp_seconds{%s})' % raw,
          'age {{namespace}} {{instance}}'
        ),
        target('B', 'sum by (namespace) (increase(tasker_metrics_sync_failures_total{%s}[15m]))' % raw, 'failures in 15m {{namespace}}'),
      ],
    },
    {
      title: 'Export health',
      description: 'Age of the last successful export, and exports that failed in the last hour.',
      unit: 's',
      targets: [
        target(
          'A',
          'time() - max by (namespace) (tasker_metrics_last_export_success_timestamp_seconds{%s})' % raw,
          'age of the last export {{namespace}}'
        ),
        target('B', 'sum by (namespace) (increase(tasker_metrics_export_failures_total{%s}[1h]))' % raw, 'failures in 1h {{namespace}}'),
      ],
    },
    {
      title: 'Step duration p95',
      description: "95th percentile of each step's duration, from the workflow events' step histogram.",
      unit: 's',
      targets: [target(
        'A',
        'histogram_quantile(0.95, sum by (namespace, step_name, le) (rate(tasker_step_duration_seconds_bucket{%s}[$__rate_interval])))' % raw,
        '{{namespace}} {{step_name}}'
      )],
    },
  ],

  // Every console serves this counter from its first sync on, so it lists what can be chosen.
  local present(extra) = 'tasker_metrics_sync_failures_total{%s%s}' % [c.taskerSelector, extra],
  local variable(name, label, query, hide=0, includeAll=true, multi=false) = {
    name: name,
    label: label,
    type: 'query',
    datasource: ds,
    query: { query: query, refId: name },
    definition: query,
    refresh: 2,  // on every time range change, so that a namespace deployed lately shows up
    sort: 1,
    hide: hide,
    includeAll: includeAll,
    multi: multi,
    current: {},
    regex: '',
  } + (if includeAll then { allValue: '.*' } else {}),  // .* also matches a label that is absent

  grafanaDashboards+:: {
    'tasker-metrics.json': {
      uid: c.dashboard.uid,
      title: c.dashboard.title,
      tags: c.dashboard.tags,
      timezone: c.dashboard.timezone,
      schemaVersion: 39,
      version: 1,
      editable: true,
      refresh: c.dashboard.refresh,
      time: { from: 'now-1h', to: 'now' },
      panels: [stat(i + 1, stats[i]) for i in std.range(0, std.length(stats) - 1)]
              + [timeseries(i + 7, graphs[i]) for i in std.range(0, std.length(graphs) - 1)],
      templating: {
        list: [
          {
            name: 'datasource',
            label: 'Prometheus',
            type: 'datasource',
            query: 'prometheus',
            current: {},
            hide: 0,
            refresh: 1,
            regex: '',
            includeAll: false,
            multi: false,
          },
          variable('cluster', 'Cluster', 'label_values(%s, %s)' % [present(''), c.clusterLabel], hide=if c.showMultiCluster then 0 else 2),
          variable('namespace', 'Namespace', 'label_values(%s, namespace)' % present(', %s=~"$cluster"' % c.clusterLabel), multi=true),
          variable(
            'job',
            'Job',
            'label_values(%s, job)' % present(', %s=~"$cluster", namespace=~"$namespace"' % c.clusterLabel),
            includeAll=false
          ),
        ],
      },
      annotations: { list: [] },
    },
  },
}
