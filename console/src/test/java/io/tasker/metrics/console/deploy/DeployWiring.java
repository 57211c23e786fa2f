package io.tasker.metrics.console.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * That the rendered objects find each other, which no schema checks: the ServiceMonitor selects
 * the console's Service and names one of its ports, the Service selects the console's pods and
 * targets a port they open, every pod is selected by a NetworkPolicy whose ports it opens, every
 * ConfigMap referred to is rendered, and the console's probes ask the routes that exist.
 */
final class DeployWiring {
    private DeployWiring() {}

    static void check(List<JsonNode> objects, List<String> v) {
        List<JsonNode> services = ofKind(objects, "Service");
        for (JsonNode monitor : ofKind(objects, "ServiceMonitor")) {
            JsonNode selected = services.stream()
                    .filter(s -> selects(
                            monitor.path("spec").path("selector").path("matchLabels"),
                            s.path("metadata").path("labels")))
                    .findFirst()
                    .orElse(null);
            if (selected == null) {
                v.add("ServiceMonitor " + name(monitor) + ": its selector matches no Service's labels");
                continue;
            }
            Set<String> ports = values(selected.path("spec").path("ports"), "name");
            monitor.path("spec").path("endpoints").forEach(e -> {
                if (!ports.contains(e.path("port").asText())) {
                    v.add("ServiceMonitor " + name(monitor) + ": port '"
                            + e.path("port").asText() + "' is not one of " + "Service " + name(selected) + "'s "
                            + ports);
                }
            });
        }
        for (JsonNode service : services) {
            JsonNode pod = ofKind(objects, "Deployment").stream()
                    .map(d -> d.path("spec").path("template"))
                    .filter(t -> selects(
                            service.path("spec").path("selector"),
                            t.path("metadata").path("labels")))
                    .findFirst()
                    .orElse(null);
            if (pod == null) {
                v.add("Service " + name(service) + ": its selector matches no Deployment's pods");
                continue;
            }
            Set<String> opened = new TreeSet<>();
            pod.path("spec").path("containers").forEach(c -> opened.addAll(values(c.path("ports"), "name")));
            service.path("spec").path("ports").forEach(p -> {
                if (!opened.contains(p.path("targetPort").asText())) {
                    v.add("Service " + name(service) + ": targetPort '"
                            + p.path("targetPort").asText() + "' is no container port of its pods " + opened);
                }
            });
            probes(service, pod, v);
        }
        configMaps(objects, v);
        networkPolicies(objects, v);
    }

    /** Every pod template is behind a NetworkPolicy, and each policy's named ports are opened by its pods. */
    private static void networkPolicies(List<JsonNode> objects, List<String> v) {
        List<JsonNode> policies = ofKind(objects, "NetworkPolicy");
        for (JsonNode o : objects) {
            JsonNode template = switch (o.path("kind").asText()) {
                case "Deployment" -> o.path("spec").path("template");
                case "CronJob" ->
                    o.path("spec").path("jobTemplate").path("spec").path("template");
                default -> null;
            };
            if (template == null) {
                continue;
            }
            JsonNode labels = template.path("metadata").path("labels");
            List<JsonNode> covering = policies.stream()
                    .filter(p -> podSelects(p.path("spec").path("podSelector"), labels))
                    .toList();
            if (covering.isEmpty()) {
                v.add(o.path("kind").asText() + " " + name(o) + ": no NetworkPolicy selects its pods");
            }
            Set<String> opened = new TreeSet<>();
            template.path("spec").path("containers").forEach(c -> opened.addAll(values(c.path("ports"), "name")));
            covering.forEach(p -> p.path("spec")
                    .path("ingress")
                    .forEach(rule -> rule.path("ports").forEach(port -> {
                        String named = port.path("port").asText();
                        if (port.path("port").isTextual() && !opened.contains(named)) {
                            v.add("NetworkPolicy " + name(p) + ": port '" + named + "' is no container port of "
                                    + name(o) + " " + opened);
                        }
                    })));
        }
    }

    /** A podSelector's matchLabels and matchExpressions (In only, which is all we write). */
    private static boolean podSelects(JsonNode selector, JsonNode labels) {
        boolean labelsMatch = !selector.has("matchLabels") || selects(selector.path("matchLabels"), labels);
        boolean expressionsMatch = true;
        for (JsonNode e : selector.path("matchExpressions")) {
            Set<String> values = new TreeSet<>();
            e.path("values").forEach(x -> values.add(x.asText()));
            String value = labels.path(e.path("key").asText()).asText(null);
            expressionsMatch &= "In".equals(e.path("operator").asText()) && values.contains(value);
        }
        return (selector.has("matchLabels") || selector.has("matchExpressions")) && labelsMatch && expressionsMatch;
    }

    private static void probes(JsonNode service, JsonNode pod, List<String> v) {
        Map<String, String> expected = Map.of(
                "startupProbe", "/health/live", "livenessProbe", "/health/live", "readinessProbe", "/health/ready");
        pod.path("spec")
                .path("containers")
                .forEach(c -> expected.forEach((probe, path) -> {
                    if (!path.equals(c.path(probe).path("httpGet").path("path").asText())) {
                        v.add("Deployment behind " + name(service) + ": " + probe + " must ask " + path);
                    }
                }));
    }

    private static void configMaps(List<JsonNode> objects, List<String> v) {
        Set<String> rendered = new TreeSet<>();
        ofKind(objects, "ConfigMap").forEach(c -> rendered.add(name(c)));
        for (JsonNode o : objects) {
            List<String> referred = new ArrayList<>();
            o.findValues("configMapRef")
                    .forEach(r -> referred.add(r.path("name").asText()));
            o.findValues("configMap").forEach(r -> referred.add(r.path("name").asText()));
            o.findValues("configMapKeyRef")
                    .forEach(r -> referred.add(r.path("name").asText()));
            referred.stream()
                    .filter(r -> !rendered.contains(r))
                    .forEach(r -> v.add(o.path("kind").asText() + " " + name(o) + ": refers to ConfigMap " + r
                            + ", which is not rendered"));
        }
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        if (!selector.isObject() || selector.isEmpty()) {
            return false;
        }
        List<Map.Entry<String, JsonNode>> wanted = new ArrayList<>();
        selector.fields().forEachRemaining(wanted::add);
        return wanted.stream()
                .allMatch(e ->
                        e.getValue().asText().equals(labels.path(e.getKey()).asText(null)));
    }

    private static Set<String> values(JsonNode array, String field) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    private static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()))
                .toList();
    }

    private static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }
}
