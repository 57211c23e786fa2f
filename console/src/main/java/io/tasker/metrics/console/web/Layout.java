package io.tasker.metrics.console.web;

import io.tasker.metrics.console.status.Staleness;

/**
 * What every page's frame needs: its title, the CSRF token htmx sends with each request, the
 * active navigation entry, and the stale-export banner.
 */
public record Layout(String title, String csrfToken, String active, Staleness staleness) {}
