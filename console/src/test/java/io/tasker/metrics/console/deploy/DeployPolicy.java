package io.tasker.metrics.console.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the schemas cannot say about our manifests: every CronJob forbids overlapping runs, is
 * bounded in time and fails at once on the exit codes a retry cannot help; every container has
 * requests and limits, runs as non-root on a read-only root file system; the console waits out its
 * start-up compaction; every pod is behind a NetworkPolicy; secrets come only from Secret
 * references, never inline; RBAC grants nothing beyond reading; the backup export never runs in
 * the same minute as the main one.
 */
final class DeployPolicy {
    static final String EXPORT = "tasker-metrics-export";
    static final String BACKUP = "tasker-metrics-export-backup";
    /** The user of the Dockerfile, which every pod must run as. */
    static final int IMAGE_USER = 10001;
    /** The CLI's exit code for a configuration error (docs/operations.md). */
    static final int CONFIGURATION_ERROR_EXIT = 2;
    /**
     * The CLI's exit code for an export held back after the store lost its data (the store-loss
     * issue). It must match the CLI's: a retry would hold it back again.
     */
    static final int HELD_BACK_EXIT = 75;
    /**
     * The console compacts its H2 file before it listens: 2.2 GB took 9 s on two cores
     * (docs/console.md), and the 2 Gi volume bounds the file; the startupProbe allows far more.
     */
    static final int MIN_STARTUP_SECONDS = 120;

    private static final Set<String> READ_VERBS = Set.of("get", "list", "watch");
    private static final Pattern SECRET_NAMES = Pattern.compile(".*(PASSWORD|TOKEN|SECRET|CACHE_URL).*");

    private DeployPolicy() {}

    /** Every violation, each naming the object and what to change. */
    static List<String> violations(List<JsonNode> objects) {
        List<String> v = new ArrayList<>();
        for (JsonNode o : objects) {
            String name = o.path("kind").asText() + " "
                    + o.path("metadata").path("name").asText();
            switch (o.path("kind").asText()) {
                case "CronJob" -> {
                    cronJob(name, o.path("spec"), v);
                    pod(
                            name,
                            o.path("spec")
                                    .path("jobTemplate")
                                    .path("spec")
                                    .path("template")
                                    .path("spec"),
                            v);
                }
                case "Deployment" -> {
                    pod(name, o.path("spec").path("template").path("spec"), v);
                    startup(name, o.path("spec").path("template").path("spec"), v);
                }
                case "NetworkPolicy" -> networkPolicy(name, o.path("spec"), v);
                case "Secret" -> {
                    if (o.has("data") || o.has("stringData")) {
                        v.add(name
                                + ": a Secret with values inline; create it with kubectl instead (docs/operations.md)");
                    }
                }
                case "Role", "ClusterRole" -> rules(name, o.path("rules"), v);
                case "ClusterRoleBinding" -> v.add(name + ": the jobs need no cluster-wide rights");
                default -> {}
            }
        }
        backupOffset(objects, v);
        DeployWiring.check(objects, v);
        return v;
    }

    private static void cronJob(String name, JsonNode spec, List<String> v) {
        if (!"Forbid".equals(spec.path("concurrencyPolicy").asText())) {
            v.add(name + ": concurrencyPolicy must be Forbid, so that a slow run is never overlapped");
        }
        for (String field :
                List.of("startingDeadlineSeconds", "successfulJobsHistoryLimit", "failedJobsHistoryLimit")) {
            if (!spec.has(field)) {
                v.add(name + ": set spec." + field);
            }
        }
        JsonNode job = spec.path("jobTemplate").path("spec");
        for (String field : List.of("activeDeadlineSeconds", "backoffLimit")) {
            if (!job.has(field)) {
                v.add(name + ": set spec.jobTemplate.spec." + field);
            }
        }
        failsFast(name, job, v);
    }

    /** A configuration error or a held-back export fails the Job at once: retrying cannot help. */
    private static void failsFast(String name, JsonNode job, List<String> v) {
        Set<Integer> failing = new TreeSet<>();
        for (JsonNode rule : job.path("podFailurePolicy").path("rules")) {
            JsonNode codes = rule.path("onExitCodes");
            if ("FailJob".equals(rule.path("action").asText())
                    && "In".equals(codes.path("operator").asText())) {
                codes.path("values").forEach(c -> failing.add(c.asInt()));
            }
        }
        if (!failing.containsAll(Set.of(CONFIGURATION_ERROR_EXIT, HELD_BACK_EXIT))) {
            v.add(name + ": podFailurePolicy must FailJob on exit codes " + CONFIGURATION_ERROR_EXIT + " and "
                    + HELD_BACK_EXIT + " (configuration error, held-back export), not retry them; it does on "
                    + failing);
        }
        if (job.has("podFailurePolicy")
                && !"Never"
                        .equals(job.path("template")
                                .path("spec")
                                .path("restartPolicy")
                                .asText())) {
            v.add(name + ": a podFailurePolicy needs restartPolicy: Never");
        }
    }

    private static void startup(String name, JsonNode pod, List<String> v) {
        for (JsonNode c : pod.path("containers")) {
            JsonNode probe = c.path("startupProbe");
            int seconds = probe.path("periodSeconds").asInt(10)
                    * probe.path("failureThreshold").asInt(3);
            if (probe.isMissingNode() || seconds < MIN_STARTUP_SECONDS) {
                v.add(name + " container " + c.path("name").asText() + ": a startupProbe allowing at least "
                        + MIN_STARTUP_SECONDS
                        + " s (periodSeconds x failureThreshold) for the start-up compaction; it allows "
                        + (probe.isMissingNode() ? "none" : seconds + " s"));
            }
        }
    }

    /** Ingress only from named peers on named ports: a rule without either lets every pod in. */
    private static void networkPolicy(String name, JsonNode spec, List<String> v) {
        for (JsonNode rule : spec.path("ingress")) {
            if (rule.path("from").isEmpty() || rule.path("ports").isEmpty()) {
                v.add(name + ": every ingress rule names its peers (from) and ports; an empty one admits everything");
            }
            rule.path("from").forEach(peer -> {
                if (peer.has("ipBlock")) {
                    v.add(name + ": no ipBlock peers; name the namespaces");
                }
            });
        }
    }

    private static void pod(String name, JsonNode pod, List<String> v) {
        if (!pod.path("securityContext").path("runAsNonRoot").asBoolean(false)) {
            v.add(name + ": set securityContext.runAsNonRoot: true on the pod");
        }
        if (pod.path("securityContext").path("runAsUser").asInt(-1) != IMAGE_USER) {
            v.add(name + ": set securityContext.runAsUser: " + IMAGE_USER + ", the image's user");
        }
        if (pod.path("automountServiceAccountToken").asBoolean(true)) {
            v.add(name + ": set automountServiceAccountToken: false; the jobs never call the Kubernetes API");
        }
        for (JsonNode c : pod.path("containers")) {
            String where = name + " container " + c.path("name").asText();
            for (String kind : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    if (!c.path("resources").path(kind).has(resource)) {
                        v.add(where + ": set resources." + kind + "." + resource);
                    }
                }
            }
            JsonNode sc = c.path("securityContext");
            if (!sc.path("readOnlyRootFilesystem").asBoolean(false)
                    || sc.path("allowPrivilegeEscalation").asBoolean(true)) {
                v.add(where + ": set readOnlyRootFilesystem: true and allowPrivilegeEscalation: false");
            }
            for (JsonNode env : c.path("env")) {
                if (SECRET_NAMES.matcher(env.path("name").asText()).matches()
                        && !env.path("valueFrom").has("secretKeyRef")) {
                    v.add(where + ": " + env.path("name").asText() + " must come from a secretKeyRef, never inline");
                }
            }
        }
    }

    private static void rules(String name, JsonNode rules, List<String> v) {
        for (JsonNode rule : rules) {
            for (JsonNode verb : rule.path("verbs")) {
                if (!READ_VERBS.contains(verb.asText())) {
                    v.add(name + ": verb '" + verb.asText() + "' is more than the jobs need; allowed: " + READ_VERBS);
                }
            }
        }
    }

    private static void backupOffset(List<JsonNode> objects, List<String> v) {
        Set<Integer> main = minutes(objects, EXPORT, v);
        Set<Integer> backup = minutes(objects, BACKUP, v);
        if (main.isEmpty() || backup.isEmpty()) {
            return;
        }
        Set<Integer> shared = new TreeSet<>(main);
        shared.retainAll(backup);
        if (!shared.isEmpty()) {
            v.add("CronJob " + BACKUP + ": runs in the same minutes as " + EXPORT + " " + shared
                    + "; offset its schedule (for example \"2-59/5 * * * *\")");
        }
    }

    private static Set<Integer> minutes(List<JsonNode> objects, String cronJob, List<String> v) {
        for (JsonNode o : objects) {
            if ("CronJob".equals(o.path("kind").asText())
                    && cronJob.equals(o.path("metadata").path("name").asText())) {
                return CronMinutes.of(o.path("spec").path("schedule").asText());
            }
        }
        v.add("CronJob " + cronJob + " is missing");
        return Set.of();
    }
}
