package io.tasker.metrics.spring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code tasker.*} properties: every key of the collector's YAML file under the same name
 * (Spring's kebab case, {@code tasker.telemetry.sync-interval} for {@code telemetry.sync_interval}),
 * with the same meaning, plus the starter's own switches. A property left unset leaves the
 * file's value (when {@link #getConfigFile()} or {@code TASKER_METRICS_CONFIG} names one) or the
 * collector's default; a {@code TASKER_*} environment variable overrides both, as it overrides the file.
 *
 * <pre>{@code
 * tasker:
 *   cache:
 *     url: "redis://cache:6379/0"
 *   telemetry:
 *     sync-interval: 10s
 * }</pre>
 */
@ConfigurationProperties("tasker")
public class TaskerProperties {
    /** Whether the collector is auto-configured at all. */
    private boolean enabled = true;

    /** A YAML configuration file of the collector to read under these properties; TASKER_METRICS_CONFIG names one otherwise. */
    private Path configFile;

    private final Micrometer micrometer = new Micrometer();

    private final Jvm jvm = new Jvm();

    private final Telemetry telemetry = new Telemetry();
    private final Cache cache = new Cache();
    private final Events events = new Events();
    private final Runs runs = new Runs();

    /**
     * Whether the collector is auto-configured ({@code tasker.enabled}).
     *
     * @return true unless turned off
     */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Turns the whole auto-configuration on or off.
     *
     * @param enabled false for none of it
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * The YAML file read under these properties ({@code tasker.config-file}).
     *
     * @return the file, or null
     */
    public Path getConfigFile() {
        return configFile;
    }

    /**
     * Names a YAML file of the collector; these properties are laid over its values.
     *
     * @param configFile the file, or null
     */
    public void setConfigFile(Path configFile) {
        this.configFile = configFile;
    }

    /**
     * The {@code tasker.micrometer.*} settings.
     *
     * @return never null
     */
    public Micrometer getMicrometer() {
        return micrometer;
    }

    /**
     * The {@code tasker.jvm.*} settings.
     *
     * @return never null
     */
    public Jvm getJvm() {
        return jvm;
    }

    /**
     * The {@code tasker.telemetry.*} settings.
     *
     * @return never null
     */
    public Telemetry getTelemetry() {
        return telemetry;
    }

    /**
     * The {@code tasker.cache.*} settings.
     *
     * @return never null
     */
    public Cache getCache() {
        return cache;
    }

    /**
     * The {@code tasker.events.*} settings.
     *
     * @return never null
     */
    public Events getEvents() {
        return events;
    }

    /**
     * The {@code tasker.runs.*} settings.
     *
     * @return never null
     */
    public Runs getRuns() {
        return runs;
    }

    /** {@code tasker.micrometer.*}: the bridge from Micrometer into the collector. */
    public static class Micrometer {
        /** Whether a TaskerMeterRegistry joins Spring Boot's meter registries, so that every meter reaches the cluster view. */
        private boolean enabled = true;

        /**
         * Whether the bridge is configured.
         *
         * @return true unless turned off
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Turns the bridge on or off.
         *
         * @param enabled false to leave Micrometer's meters out of the collector
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** {@code tasker.jvm.*}: the collector's own JVM and process metrics. */
    public static class Jvm {
        /** Whether the collector's JVM and process metrics (jvm_memory_used_bytes, process_cpu_seconds_total, ...) are registered. */
        private boolean enabled = true;

        /**
         * Whether the JVM metrics are registered.
         *
         * @return true unless turned off
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Turns the JVM metrics on or off.
         *
         * @param enabled false to register none
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** {@code tasker.telemetry.*}: the YAML file's {@code telemetry:} section. */
    public static class Telemetry {
        private final Prometheus prometheus = new Prometheus();

        private final Otlp otlp = new Otlp();

        private final Statsd statsd = new Statsd();

        /** Record metrics at all. Key telemetry.metrics_enabled. Overridden by the environment variable TASKER_METRICS_ENABLED. */
        private Boolean metricsEnabled;

        /** Default format of export and export-now. Key telemetry.metrics_format. Overridden by the environment variable METRICS_FORMAT. */
        private String metricsFormat;

        /** How often an instance syncs to the store. Key telemetry.sync_interval. Overridden by the environment variable TASKER_SYNC_INTERVAL. */
        private Duration syncInterval;

        /** This instance's id in the store. Key telemetry.instance_id. Overridden by the environment variable TASKER_INSTANCE_ID. */
        private String instanceId;

        /** Same-reason sync failures in a row before the instance reports failing and starts over. Key telemetry.sync_failure_threshold. Overridden by the environment variable TASKER_SYNC_FAILURE_THRESHOLD. */
        private Integer syncFailureThreshold;

        /** Label combinations per metric. Key telemetry.cardinality_limit. Overridden by the environment variable TASKER_CARDINALITY_LIMIT. */
        private Integer cardinalityLimit;

        /** Label values longer than this many UTF-8 bytes are cut, at a character boundary, and counted (1 to 65535). Key telemetry.max_label_value_length. */
        private Integer maxLabelValueLength;

        /** Where file exports go. Key telemetry.export_directory. Overridden by the environment variable TASKER_EXPORT_DIR. */
        private String exportDirectory;

        /** An export older than this is stale (console alert). Key telemetry.stale_export_threshold. */
        private Duration staleExportThreshold;

        /** Run coordinated exports inside the process at the planned times (on in bin/console --demo); otherwise a CronJob runs tasker-metrics export. Key telemetry.scheduled_export. Overridden by the environment variable TASKER_SCHEDULED_EXPORT. */
        private Boolean scheduledExport;

        /** Export files (tasker-metrics-*.json, .csv, .prom) older than this are deleted from telemetry.export_directory after each scheduled or CLI export, and hourly by the console; at most 500 a time (operations.md). Key telemetry.export_retention. Overridden by the environment variable TASKER_EXPORT_RETENTION. */
        private Duration exportRetention;

        /** Beyond this many export files, the oldest are deleted too. Key telemetry.export_max_files. Overridden by the environment variable TASKER_EXPORT_MAX_FILES. */
        private Integer exportMaxFiles;

        /** How often the export CronJob runs: tasker-metrics export skips when the shared history holds a successful export of the same format younger than this less a fifth (4 min by default), so a backup CronJob exports only when the main one did not. Key telemetry.export_interval. Overridden by the environment variable TASKER_EXPORT_INTERVAL. */
        private Duration exportInterval;

        /** Send task traces by OTLP (the TelemetrySubscriber; events.md). Key telemetry.enabled. Overridden by the environment variable TASKER_TELEMETRY_ENABLED. */
        private Boolean enabled;

        /** The traces' service.name. Key telemetry.service_name. Overridden by the environment variable OTEL_SERVICE_NAME. */
        private String serviceName;

        /** Event attributes whose key contains one of these words (any case) reach spans as [MASKED]. Key telemetry.masked_parameters. */
        private String maskedParameters;

        /** An extra Java regular expression whose matches are masked in every span value, exception message and status description. Key telemetry.masked_value_pattern. */
        private String maskedValuePattern;

        /** A task still open after this is ended as tasker.evicted=true. Key telemetry.open_span_timeout. */
        private Duration openSpanTimeout;

        /**
         * The {@code telemetry.prometheus} settings.
         *
         * @return never null
         */
        public Prometheus getPrometheus() {
            return prometheus;
        }

        /**
         * The {@code telemetry.otlp} settings.
         *
         * @return never null
         */
        public Otlp getOtlp() {
            return otlp;
        }

        /**
         * The {@code telemetry.statsd} settings.
         *
         * @return never null
         */
        public Statsd getStatsd() {
            return statsd;
        }

        /**
         * The value of {@code telemetry.metrics_enabled}.
         *
         * @return the value, or null when unset
         */
        public Boolean getMetricsEnabled() {
            return metricsEnabled;
        }

        /**
         * Sets {@code telemetry.metrics_enabled}.
         *
         * @param metricsEnabled the value, or null for the file's value or the default
         */
        public void setMetricsEnabled(Boolean metricsEnabled) {
            this.metricsEnabled = metricsEnabled;
        }

        /**
         * The value of {@code telemetry.metrics_format}.
         *
         * @return the value, or null when unset
         */
        public String getMetricsFormat() {
            return metricsFormat;
        }

        /**
         * Sets {@code telemetry.metrics_format}.
         *
         * @param metricsFormat the value, or null for the file's value or the default
         */
        public void setMetricsFormat(String metricsFormat) {
            this.metricsFormat = metricsFormat;
        }

        /**
         * The value of {@code telemetry.sync_interval}.
         *
         * @return the value, or null when unset
         */
        public Duration getSyncInterval() {
            return syncInterval;
        }

        /**
         * Sets {@code telemetry.sync_interval}.
         *
         * @param syncInterval the value, or null for the file's value or the default
         */
        public void setSyncInterval(Duration syncInterval) {
            this.syncInterval = syncInterval;
        }

        /**
         * The value of {@code telemetry.instance_id}.
         *
         * @return the value, or null when unset
         */
        public String getInstanceId() {
            return instanceId;
        }

        /**
         * Sets {@code telemetry.instance_id}.
         *
         * @param instanceId the value, or null for the file's value or the default
         */
        public void setInstanceId(String instanceId) {
            this.instanceId = instanceId;
        }

        /**
         * The value of {@code telemetry.cardinality_limit}.
         *
         * @return the value, or null when unset
         */
        public Integer getCardinalityLimit() {
            return cardinalityLimit;
        }

        /**
         * Sets {@code telemetry.cardinality_limit}.
         *
         * @param cardinalityLimit the value, or null for the file's value or the default
         */
        public void setCardinalityLimit(Integer cardinalityLimit) {
            this.cardinalityLimit = cardinalityLimit;
        }

        /**
         * The value of {@code telemetry.max_label_value_length}.
         *
         * @return the value, or null when unset
         */
        public Integer getMaxLabelValueLength() {
            return maxLabelValueLength;
        }

        /**
         * Sets {@code telemetry.max_label_value_length}.
         *
         * @param maxLabelValueLength the value, or null for the file's value or the default
         */
        public void setMaxLabelValueLength(Integer maxLabelValueLength) {
            this.maxLabelValueLength = maxLabelValueLength;
        }

        /**
         * The value of {@code telemetry.export_directory}.
         *
         * @return the value, or null when unset
         */
        public String getExportDirectory() {
            return exportDirectory;
        }

        /**
         * Sets {@code telemetry.export_directory}.
         *
         * @param exportDirectory the value, or null for the file's value or the default
         */
        public void setExportDirectory(String exportDirectory) {
            this.exportDirectory = exportDirectory;
        }

        /**
         * The value of {@code telemetry.stale_export_threshold}.
         *
         * @return the value, or null when unset
         */
        public Duration getStaleExportThreshold() {
            return staleExportThreshold;
        }

        /**
         * Sets {@code telemetry.stale_export_threshold}.
         *
         * @param staleExportThreshold the value, or null for the file's value or the default
         */
        public void setStaleExportThreshold(Duration staleExportThreshold) {
            this.staleExportThreshold = staleExportThreshold;
        }

        /**
         * The value of {@code telemetry.scheduled_export}.
         *
         * @return the value, or null when unset
         */
        public Boolean getScheduledExport() {
            return scheduledExport;
        }

        /**
         * Sets {@code telemetry.scheduled_export}.
         *
         * @param scheduledExport the value, or null for the file's value or the default
         */
        public void setScheduledExport(Boolean scheduledExport) {
            this.scheduledExport = scheduledExport;
        }

        /**
         * The value of {@code telemetry.export_retention}.
         *
         * @return the value, or null when unset
         */
        public Duration getExportRetention() {
            return exportRetention;
        }

        /**
         * Sets {@code telemetry.export_retention}.
         *
         * @param exportRetention the value, or null for the file's value or the default
         */
        public void setExportRetention(Duration exportRetention) {
            this.exportRetention = exportRetention;
        }

        /**
         * The value of {@code telemetry.export_max_files}.
         *
         * @return the value, or null when unset
         */
        public Integer getExportMaxFiles() {
            return exportMaxFiles;
        }

        /**
         * Sets {@code telemetry.export_max_files}.
         *
         * @param exportMaxFiles the value, or null for the file's value or the default
         */
        public void setExportMaxFiles(Integer exportMaxFiles) {
            this.exportMaxFiles = exportMaxFiles;
        }

        /**
         * The value of {@code telemetry.export_interval}.
         *
         * @return the value, or null when unset
         */
        public Duration getExportInterval() {
            return exportInterval;
        }

        /**
         * Sets {@code telemetry.export_interval}.
         *
         * @param exportInterval the value, or null for the file's value or the default
         */
        public void setExportInterval(Duration exportInterval) {
            this.exportInterval = exportInterval;
        }

        /**
         * The value of {@code telemetry.enabled}.
         *
         * @return the value, or null when unset
         */
        public Boolean getEnabled() {
            return enabled;
        }

        /**
         * Sets {@code telemetry.enabled}.
         *
         * @param enabled the value, or null for the file's value or the default
         */
        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * The value of {@code telemetry.service_name}.
         *
         * @return the value, or null when unset
         */
        public String getServiceName() {
            return serviceName;
        }

        /**
         * Sets {@code telemetry.service_name}.
         *
         * @param serviceName the value, or null for the file's value or the default
         */
        public void setServiceName(String serviceName) {
            this.serviceName = serviceName;
        }

        /**
         * The value of {@code telemetry.masked_parameters}.
         *
         * @return the value, or null when unset
         */
        public String getMaskedParameters() {
            return maskedParameters;
        }

        /**
         * Sets {@code telemetry.masked_parameters}.
         *
         * @param maskedParameters the value, or null for the file's value or the default
         */
        public void setMaskedParameters(String maskedParameters) {
            this.maskedParameters = maskedParameters;
        }

        /**
         * The value of {@code telemetry.sync_failure_threshold}.
         *
         * @return the value, or null when unset
         */
        public Integer getSyncFailureThreshold() {
            return syncFailureThreshold;
        }

        /**
         * Sets {@code telemetry.sync_failure_threshold}.
         *
         * @param syncFailureThreshold the value, or null for the file's value or the default
         */
        public void setSyncFailureThreshold(Integer syncFailureThreshold) {
            this.syncFailureThreshold = syncFailureThreshold;
        }

        /**
         * The value of {@code telemetry.masked_value_pattern}.
         *
         * @return the value, or null when unset
         */
        public String getMaskedValuePattern() {
            return maskedValuePattern;
        }

        /**
         * Sets {@code telemetry.masked_value_pattern}.
         *
         * @param maskedValuePattern the value, or null for the file's value or the default
         */
        public void setMaskedValuePattern(String maskedValuePattern) {
            this.maskedValuePattern = maskedValuePattern;
        }

        /**
         * The value of {@code telemetry.open_span_timeout}.
         *
         * @return the value, or null when unset
         */
        public Duration getOpenSpanTimeout() {
            return openSpanTimeout;
        }

        /**
         * Sets {@code telemetry.open_span_timeout}.
         *
         * @param openSpanTimeout the value, or null for the file's value or the default
         */
        public void setOpenSpanTimeout(Duration openSpanTimeout) {
            this.openSpanTimeout = openSpanTimeout;
        }

        /** {@code tasker.telemetry.prometheus.*}: export timing and remote write. */
        public static class Prometheus {
            /** Remote write URL; a URL with credentials in it (https://user:pw@host/...) is refused at load with exit 2: put them in telemetry.prometheus.username and password, which are never printed. Key telemetry.prometheus.endpoint. Overridden by the environment variable PROMETHEUS_ENDPOINT. */
            private String endpoint;

            /** Basic auth user. Key telemetry.prometheus.username. Overridden by the environment variable PROMETHEUS_USERNAME. */
            private String username;

            /** Basic auth password; never printed. Key telemetry.prometheus.password. Overridden by the environment variable PROMETHEUS_PASSWORD. */
            private String password;

            /** The export lock's expiry and the budget of a coordinated export with its retries. Key telemetry.prometheus.job_timeout. */
            private Duration jobTimeout;

            /** One delivery's timeout. Key telemetry.prometheus.export_timeout. */
            private Duration exportTimeout;

            /** Retries of a failed export (and of a remote write request on 5xx/429). Key telemetry.prometheus.retry_attempts. */
            private Integer retryAttempts;

            /** How long synced data lives in the store unless written again. Key telemetry.prometheus.retention_window. */
            private Duration retentionWindow;

            /** How long before expiry an export must be done. Key telemetry.prometheus.safety_margin. */
            private Duration safetyMargin;

            /** Put once before every metric name ("" for none). Key telemetry.prometheus.metric_prefix. Overridden by the environment variable TASKER_METRIC_PREFIX. */
            private String metricPrefix;

            /** Keep gauges apart per instance with an instance label. Key telemetry.prometheus.include_instance_labels. */
            private Boolean includeInstanceLabels;

            /** Remote write body: snappy, gzip or none. Key telemetry.prometheus.compression. */
            private String compression;

            /** Series per sync chunk and per remote write request. Key telemetry.prometheus.batch_size. */
            private Integer batchSize;

            /** An unreachable remote write endpoint is a recorded skip, not a failure. Key telemetry.prometheus.skip_if_unavailable. */
            private Boolean skipIfUnavailable;

            /** Refuse to start without telemetry.prometheus.endpoint (the production environment sets it). Key telemetry.prometheus.require_endpoint. */
            private Boolean requireEndpoint;

            /**
             * The value of {@code telemetry.prometheus.endpoint}.
             *
             * @return the value, or null when unset
             */
            public String getEndpoint() {
                return endpoint;
            }

            /**
             * Sets {@code telemetry.prometheus.endpoint}.
             *
             * @param endpoint the value, or null for the file's value or the default
             */
            public void setEndpoint(String endpoint) {
                this.endpoint = endpoint;
            }

            /**
             * The value of {@code telemetry.prometheus.username}.
             *
             * @return the value, or null when unset
             */
            public String getUsername() {
                return username;
            }

            /**
             * Sets {@code telemetry.prometheus.username}.
             *
             * @param username the value, or null for the file's value or the default
             */
            public void setUsername(String username) {
                this.username = username;
            }

            /**
             * The value of {@code telemetry.prometheus.password}.
             *
             * @return the value, or null when unset
             */
            public String getPassword() {
                return password;
            }

            /**
             * Sets {@code telemetry.prometheus.password}.
             *
             * @param password the value, or null for the file's value or the default
             */
            public void setPassword(String password) {
                this.password = password;
            }

            /**
             * The value of {@code telemetry.prometheus.job_timeout}.
             *
             * @return the value, or null when unset
             */
            public Duration getJobTimeout() {
                return jobTimeout;
            }

            /**
             * Sets {@code telemetry.prometheus.job_timeout}.
             *
             * @param jobTimeout the value, or null for the file's value or the default
             */
            public void setJobTimeout(Duration jobTimeout) {
                this.jobTimeout = jobTimeout;
            }

            /**
             * The value of {@code telemetry.prometheus.export_timeout}.
             *
             * @return the value, or null when unset
             */
            public Duration getExportTimeout() {
                return exportTimeout;
            }

            /**
             * Sets {@code telemetry.prometheus.export_timeout}.
             *
             * @param exportTimeout the value, or null for the file's value or the default
             */
            public void setExportTimeout(Duration exportTimeout) {
                this.exportTimeout = exportTimeout;
            }

            /**
             * The value of {@code telemetry.prometheus.retry_attempts}.
             *
             * @return the value, or null when unset
             */
            public Integer getRetryAttempts() {
                return retryAttempts;
            }

            /**
             * Sets {@code telemetry.prometheus.retry_attempts}.
             *
             * @param retryAttempts the value, or null for the file's value or the default
             */
            public void setRetryAttempts(Integer retryAttempts) {
                this.retryAttempts = retryAttempts;
            }

            /**
             * The value of {@code telemetry.prometheus.retention_window}.
             *
             * @return the value, or null when unset
             */
            public Duration getRetentionWindow() {
                return retentionWindow;
            }

            /**
             * Sets {@code telemetry.prometheus.retention_window}.
             *
             * @param retentionWindow the value, or null for the file's value or the default
             */
            public void setRetentionWindow(Duration retentionWindow) {
                this.retentionWindow = retentionWindow;
            }

            /**
             * The value of {@code telemetry.prometheus.safety_margin}.
             *
             * @return the value, or null when unset
             */
            public Duration getSafetyMargin() {
                return safetyMargin;
            }

            /**
             * Sets {@code telemetry.prometheus.safety_margin}.
             *
             * @param safetyMargin the value, or null for the file's value or the default
             */
            public void setSafetyMargin(Duration safetyMargin) {
                this.safetyMargin = safetyMargin;
            }

            /**
             * The value of {@code telemetry.prometheus.metric_prefix}.
             *
             * @return the value, or null when unset
             */
            public String getMetricPrefix() {
                return metricPrefix;
            }

            /**
             * Sets {@code telemetry.prometheus.metric_prefix}.
             *
             * @param metricPrefix the value, or null for the file's value or the default
             */
            public void setMetricPrefix(String metricPrefix) {
                this.metricPrefix = metricPrefix;
            }

            /**
             * The value of {@code telemetry.prometheus.include_instance_labels}.
             *
             * @return the value, or null when unset
             */
            public Boolean getIncludeInstanceLabels() {
                return includeInstanceLabels;
            }

            /**
             * Sets {@code telemetry.prometheus.include_instance_labels}.
             *
             * @param includeInstanceLabels the value, or null for the file's value or the default
             */
            public void setIncludeInstanceLabels(Boolean includeInstanceLabels) {
                this.includeInstanceLabels = includeInstanceLabels;
            }

            /**
             * The value of {@code telemetry.prometheus.compression}.
             *
             * @return the value, or null when unset
             */
            public String getCompression() {
                return compression;
            }

            /**
             * Sets {@code telemetry.prometheus.compression}.
             *
             * @param compression the value, or null for the file's value or the default
             */
            public void setCompression(String compression) {
                this.compression = compression;
            }

            /**
             * The value of {@code telemetry.prometheus.batch_size}.
             *
             * @return the value, or null when unset
             */
            public Integer getBatchSize() {
                return batchSize;
            }

            /**
             * Sets {@code telemetry.prometheus.batch_size}.
             *
             * @param batchSize the value, or null for the file's value or the default
             */
            public void setBatchSize(Integer batchSize) {
                this.batchSize = batchSize;
            }

            /**
             * The value of {@code telemetry.prometheus.skip_if_unavailable}.
             *
             * @return the value, or null when unset
             */
            public Boolean getSkipIfUnavailable() {
                return skipIfUnavailable;
            }

            /**
             * Sets {@code telemetry.prometheus.skip_if_unavailable}.
             *
             * @param skipIfUnavailable the value, or null for the file's value or the default
             */
            public void setSkipIfUnavailable(Boolean skipIfUnavailable) {
                this.skipIfUnavailable = skipIfUnavailable;
            }

            /**
             * The value of {@code telemetry.prometheus.require_endpoint}.
             *
             * @return the value, or null when unset
             */
            public Boolean getRequireEndpoint() {
                return requireEndpoint;
            }

            /**
             * Sets {@code telemetry.prometheus.require_endpoint}.
             *
             * @param requireEndpoint the value, or null for the file's value or the default
             */
            public void setRequireEndpoint(Boolean requireEndpoint) {
                this.requireEndpoint = requireEndpoint;
            }
        }

        /** {@code tasker.telemetry.otlp.*}: where task traces go. */
        public static class Otlp {
            /** OTLP/HTTP base URL; /v1/traces is added; OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (taken as given) beats both. Key telemetry.otlp.endpoint. Overridden by the environment variable OTEL_EXPORTER_OTLP_ENDPOINT. */
            private String endpoint;

            /** Key=value,key2=value2 (values URL-encoded) sent with every export, e.g. an API key; OTEL_EXPORTER_OTLP_TRACES_HEADERS adds to them; never printed. Key telemetry.otlp.headers. Overridden by the environment variable OTEL_EXPORTER_OTLP_HEADERS. */
            private String headers;

            /**
             * The value of {@code telemetry.otlp.endpoint}.
             *
             * @return the value, or null when unset
             */
            public String getEndpoint() {
                return endpoint;
            }

            /**
             * Sets {@code telemetry.otlp.endpoint}.
             *
             * @param endpoint the value, or null for the file's value or the default
             */
            public void setEndpoint(String endpoint) {
                this.endpoint = endpoint;
            }

            /**
             * The value of {@code telemetry.otlp.headers}.
             *
             * @return the value, or null when unset
             */
            public String getHeaders() {
                return headers;
            }

            /**
             * Sets {@code telemetry.otlp.headers}.
             *
             * @param headers the value, or null for the file's value or the default
             */
            public void setHeaders(String headers) {
                this.headers = headers;
            }
        }

        /** {@code tasker.telemetry.statsd.*}: the DogStatsD subscriber. */
        public static class Statsd {
            /** Send task metrics to a DogStatsD agent. Key telemetry.statsd.enabled. Overridden by the environment variable TASKER_STATSD_ENABLED. */
            private Boolean enabled;

            /** The agent's host. Key telemetry.statsd.host. Overridden by the environment variable DD_AGENT_HOST. */
            private String host;

            /** The agent's UDP port. Key telemetry.statsd.port. Overridden by the environment variable DD_DOGSTATSD_PORT. */
            private Integer port;

            /** Constant tag env: on every metric. Key telemetry.statsd.env. Overridden by the environment variable DD_ENV. */
            private String env;

            /** Constant tag service: on every metric. Key telemetry.statsd.service. Overridden by the environment variable DD_SERVICE. */
            private String service;

            /**
             * The value of {@code telemetry.statsd.enabled}.
             *
             * @return the value, or null when unset
             */
            public Boolean getEnabled() {
                return enabled;
            }

            /**
             * Sets {@code telemetry.statsd.enabled}.
             *
             * @param enabled the value, or null for the file's value or the default
             */
            public void setEnabled(Boolean enabled) {
                this.enabled = enabled;
            }

            /**
             * The value of {@code telemetry.statsd.host}.
             *
             * @return the value, or null when unset
             */
            public String getHost() {
                return host;
            }

            /**
             * Sets {@code telemetry.statsd.host}.
             *
             * @param host the value, or null for the file's value or the default
             */
            public void setHost(String host) {
                this.host = host;
            }

            /**
             * The value of {@code telemetry.statsd.port}.
             *
             * @return the value, or null when unset
             */
            public Integer getPort() {
                return port;
            }

            /**
             * Sets {@code telemetry.statsd.port}.
             *
             * @param port the value, or null for the file's value or the default
             */
            public void setPort(Integer port) {
                this.port = port;
            }

            /**
             * The value of {@code telemetry.statsd.env}.
             *
             * @return the value, or null when unset
             */
            public String getEnv() {
                return env;
            }

            /**
             * Sets {@code telemetry.statsd.env}.
             *
             * @param env the value, or null for the file's value or the default
             */
            public void setEnv(String env) {
                this.env = env;
            }

            /**
             * The value of {@code telemetry.statsd.service}.
             *
             * @return the value, or null when unset
             */
            public String getService() {
                return service;
            }

            /**
             * Sets {@code telemetry.statsd.service}.
             *
             * @param service the value, or null for the file's value or the default
             */
            public void setService(String service) {
                this.service = service;
            }
        }
    }

    /** {@code tasker.cache.*}: the shared store. */
    public static class Cache {
        /** The shared store's URL: redis://, redis-cluster://, memcached://, file:///, memory: or null:. Key cache.url. Overridden by the environment variable TASKER_CACHE_URL. */
        private String url;

        /** Prefix of every key in the store. Key cache.namespace. Overridden by the environment variable TASKER_CACHE_NAMESPACE. */
        private String namespace;

        /** Connect and operation timeout of network stores. Key cache.timeout. */
        private Duration timeout;

        /**
         * The value of {@code cache.url}.
         *
         * @return the value, or null when unset
         */
        public String getUrl() {
            return url;
        }

        /**
         * Sets {@code cache.url}.
         *
         * @param url the value, or null for the file's value or the default
         */
        public void setUrl(String url) {
            this.url = url;
        }

        /**
         * The value of {@code cache.namespace}.
         *
         * @return the value, or null when unset
         */
        public String getNamespace() {
            return namespace;
        }

        /**
         * Sets {@code cache.namespace}.
         *
         * @param namespace the value, or null for the file's value or the default
         */
        public void setNamespace(String namespace) {
            this.namespace = namespace;
        }

        /**
         * The value of {@code cache.timeout}.
         *
         * @return the value, or null when unset
         */
        public Duration getTimeout() {
            return timeout;
        }

        /**
         * Sets {@code cache.timeout}.
         *
         * @param timeout the value, or null for the file's value or the default
         */
        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** {@code tasker.events.*}: the event publisher. */
    public static class Events {
        /** Whether the event publisher and its subscribers are auto-configured (a starter switch, not a key of the file). */
        private boolean enabled = true;

        /**
         * Whether the events part is configured ({@code tasker.events.enabled}).
         *
         * @return true unless turned off
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Turns the event publisher and its subscribers on or off.
         *
         * @param enabled false for none of them
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** Events a subscriber may fall behind before further ones are dropped (and counted). Key events.queue_capacity. */
        private Integer queueCapacity;

        /** How long shutdown waits, in all, for the subscribers' queues to drain. Key events.drain_timeout. */
        private Duration drainTimeout;

        /**
         * The value of {@code events.queue_capacity}.
         *
         * @return the value, or null when unset
         */
        public Integer getQueueCapacity() {
            return queueCapacity;
        }

        /**
         * Sets {@code events.queue_capacity}.
         *
         * @param queueCapacity the value, or null for the file's value or the default
         */
        public void setQueueCapacity(Integer queueCapacity) {
            this.queueCapacity = queueCapacity;
        }

        /**
         * The value of {@code events.drain_timeout}.
         *
         * @return the value, or null when unset
         */
        public Duration getDrainTimeout() {
            return drainTimeout;
        }

        /**
         * Sets {@code events.drain_timeout}.
         *
         * @param drainTimeout the value, or null for the file's value or the default
         */
        public void setDrainTimeout(Duration drainTimeout) {
            this.drainTimeout = drainTimeout;
        }
    }

    /** {@code tasker.runs.*}: the recent task runs each instance keeps. */
    public static class Runs {
        /** Successful task runs each instance keeps for the console's Task runs page. Key runs.keep_successful. */
        private Integer keepSuccessful;

        /** Failed task runs each instance keeps at most; age and its byte bound bound them first. Key runs.keep_failed. */
        private Integer keepFailed;

        /** How long each instance keeps a failed task run, within its byte bound. Key runs.keep_failed_for. */
        private Duration keepFailedFor;

        /**
         * The value of {@code runs.keep_successful}.
         *
         * @return the value, or null when unset
         */
        public Integer getKeepSuccessful() {
            return keepSuccessful;
        }

        /**
         * Sets {@code runs.keep_successful}.
         *
         * @param keepSuccessful the value, or null for the file's value or the default
         */
        public void setKeepSuccessful(Integer keepSuccessful) {
            this.keepSuccessful = keepSuccessful;
        }

        /**
         * The value of {@code runs.keep_failed}.
         *
         * @return the value, or null when unset
         */
        public Integer getKeepFailed() {
            return keepFailed;
        }

        /**
         * Sets {@code runs.keep_failed}.
         *
         * @param keepFailed the value, or null for the file's value or the default
         */
        public void setKeepFailed(Integer keepFailed) {
            this.keepFailed = keepFailed;
        }

        /**
         * The value of {@code runs.keep_failed_for}.
         *
         * @return the value, or null when unset
         */
        public Duration getKeepFailedFor() {
            return keepFailedFor;
        }

        /**
         * Sets {@code runs.keep_failed_for}.
         *
         * @param keepFailedFor the value, or null for the file's value or the default
         */
        public void setKeepFailedFor(Duration keepFailedFor) {
            this.keepFailedFor = keepFailedFor;
        }
    }
}
