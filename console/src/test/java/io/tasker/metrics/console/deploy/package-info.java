/**
 * Tests of what {@code deploy/} ships, without a cluster: the kustomize base and overlays
 * rendered by {@code kubectl kustomize} and checked against the Kubernetes and
 * prometheus-operator schemas and our policies, the alert rules run through
 * {@code promtool check rules} and {@code promtool test rules}, and every Grafana panel's query
 * run against a real Prometheus that scraped a console with the demo workload.
 */
package io.tasker.metrics.console.deploy;
