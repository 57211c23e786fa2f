package io.tasker.metrics.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PromtoolTest {

    private static final String VALID = """
      # HELP tasker_task_executions_total Tasks executed.
      # TYPE tasker_task_executions_total counter
      tasker_task_executions_total{namespace="default",status="success"} 3
      """;

    @Test
    void acceptsValidTextSilently() {
        Promtool.Result result = Promtool.checkMetrics(VALID);

        assertEquals(new Promtool.Result(0, ""), result);
        assertTrue(result.clean());
        Promtool.assertValid(VALID);
    }

    @Test
    void lintWarningFailsWithPromtoolsOutput() {
        String counterWithoutTotal = """
        # HELP tasker_tasks Tasks.
        # TYPE tasker_tasks counter
        tasker_tasks 1
        """;

        AssertionError error = assertThrows(AssertionError.class, () -> Promtool.assertValid(counterWithoutTotal));

        assertTrue(error.getMessage().contains("should have \"_total\" suffix"), error.getMessage());
    }

    @Test
    void parseErrorFailsWithPromtoolsOutput() {
        Promtool.Result result = Promtool.checkMetrics("tasker_tasks{status=\"ok\" 1\n");

        assertFalse(result.clean());
        assertTrue(result.exitCode() != 0, result.toString());
        AssertionError error =
                assertThrows(AssertionError.class, () -> Promtool.assertValid("tasker_tasks{status=\"ok\" 1\n"));
        assertTrue(error.getMessage().contains("parsing error"), error.getMessage());
    }

    @Test
    void readsLargeInputWithoutBlocking() {
        StringBuilder text =
                new StringBuilder("# HELP tasker_big_total Many series.\n# TYPE tasker_big_total counter\n");
        for (int i = 0; i < 50_000; i++) {
            text.append("tasker_big_total{id=\"")
                    .append(i)
                    .append("\"} ")
                    .append(i)
                    .append('\n');
        }

        Promtool.assertValid(text.toString());
    }
}
