package io.tasker.metrics.console.web;

/**
 * An error as a page of the console: its status, what went wrong, and the frame's navigation,
 * so that a browser that meets it has somewhere to go.
 *
 * @param layout the frame
 * @param status the HTTP status
 * @param message what went wrong, in words
 */
public record ErrorPage(Layout layout, int status, String message) {}
