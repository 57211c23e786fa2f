package io.tasker.metrics.cli;

import picocli.CommandLine;

/** The version printed by {@code --version}, from the jar's manifest when there is one. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = TaskerMetricsCli.class.getPackage().getImplementationVersion();
        return new String[] {"tasker-metrics " + (v == null ? "development build" : v)};
    }
}
