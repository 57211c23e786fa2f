/**
 * Tests of what {@code deploy/} and {@code mixin/} ship, without a cluster: the kustomize base,
 * components and overlays rendered by {@code kubectl kustomize} and checked against the Kubernetes
 * and prometheus-operator schemas (strictly: no unknown field) and our policies; the mixin rendered
 * again by {@code jsonnet} and compared with what is committed; its rules run through
 * {@code promtool check rules} and {@code promtool test rules}; every Grafana panel, recording rule
 * and alert run against a real Prometheus that loads the rules and scraped two consoles with the
 * demo workload in two namespaces; and the operations guide's copies of the manifests.
 */
package io.tasker.metrics.console.deploy;
