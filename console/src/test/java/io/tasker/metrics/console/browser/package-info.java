/**
 * Browser tests of the console: Debian's Chromium, driven through chromedriver by Selenium,
 * against a console started in-process on a free port with the demo workload and a manual
 * clock. {@link io.tasker.metrics.console.browser.BrowserConsole} starts and stops both; the
 * tests save screenshots under {@code console/target/screenshots/}.
 */
package io.tasker.metrics.console.browser;
