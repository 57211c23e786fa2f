package io.tasker.metrics.subscribers.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.config.ConfigKey;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Masking, by example (the issue's leaks) and by property: a secret put into a URL, a query
 * string, a key=value in a message, a bearer header or a JWT never comes out; text with none of
 * them comes out unchanged; masking twice changes nothing.
 */
class ParameterMaskTest {
    private static final ParameterMask MASK = ParameterMask.parse(ConfigKey.MASKED_PARAMETERS.defaultValue());

    @Example
    void theKeysTheIssueFoundUnmaskedAreMasked() {
        for (String key : List.of(
                "api.key",
                "private_key",
                "access_key",
                "pwd",
                "passphrase",
                "auth",
                "cookie",
                "session_id",
                "jwt",
                "dsn",
                "connection_string",
                "X-Api-Key",
                "apiKey",
                "sessionId",
                "db_password",
                "Authorization",
                "client_secret",
                "aws_secret_access_key",
                "refresh_token")) {
            assertEquals(ParameterMask.MASKED, MASK.apply(key, "v4lue"), key);
        }
        assertEquals("42", MASK.apply("customer", "42"));
    }

    @Example
    void theValuesTheIssueFoundSentAreMasked() {
        assertEquals("postgres://app:[MASKED]@db/x", MASK.apply("db_url", "postgres://app:hunter2@db/x"));
        assertEquals("login failed for token=[MASKED]", MASK.text("login failed for token=sk_live_999"));
        assertEquals(
                "GET https://u:[MASKED]@host/x?token=[MASKED]&page=2",
                MASK.text("GET https://u:pw@host/x?token=abc&page=2"));
        assertEquals("Authorization: [MASKED] sent", MASK.text("Authorization: Bearer abc.def-ghi sent"));
        assertEquals("header Bearer [MASKED] refused", MASK.text("header Bearer eyJhbGciOiJIUzI1NiJ9abc refused"));
        assertEquals("jwt [MASKED] expired", MASK.text("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig_nature expired"));
        assertEquals(
                "{\"password\": \"[MASKED]\", \"user\": \"bob\"}",
                MASK.text("{\"password\": \"hunter2\", \"user\": \"bob\"}"));
        assertEquals(
                "jdbc:postgresql://db/app?user=app&password=[MASKED]",
                MASK.text("jdbc:postgresql://db/app?user=app&password=s3cr3t"));
    }

    @Example
    void anOperatorsPatternAndAnEmptyWordList() {
        ParameterMask mask = ParameterMask.parse("", "acct-[0-9]{6}");
        assertEquals("charged [MASKED] twice", mask.text("charged acct-123456 twice"));
        assertEquals("token=abc", mask.apply("note", "token=abc"), "no words, no key=value masking");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParameterMask.parse("x", "(["));
        assertTrue(
                e.getMessage().startsWith("telemetry.masked_value_pattern is not a regular expression"),
                e.getMessage());
    }

    @Property
    void aKeyHoldingASensitiveWordIsMaskedWhateverItsCaseAndSeparators(
            @ForAll("names") String prefix,
            @ForAll("sensitiveWords") String word,
            @ForAll("names") String suffix,
            @ForAll("separators") String separator,
            @ForAll boolean upper) {
        String spelled = word.replace("_", separator);
        String key = prefix + (upper ? spelled.toUpperCase() : spelled) + suffix;
        assertEquals(ParameterMask.MASKED, MASK.apply(key, "anything"));
    }

    @Property
    void aUrlPasswordNeverComesOut(
            @ForAll("secrets") String secret, @ForAll("names") String user, @ForAll("hosts") String host) {
        String out = MASK.text("connect to postgres://" + user + ":" + secret + "@" + host + "/db failed");
        assertFalse(out.contains(secret), out);
        assertTrue(out.contains(host + "/db failed"), out);
    }

    @Property
    void aSensitiveQueryParameterIsMaskedAndTheOthersKept(
            @ForAll("secrets") String secret,
            @ForAll("sensitiveWords") String word,
            @ForAll("plainNames") String other,
            @ForAll("plainValues") String otherValue) {
        String out = MASK.text(
                "https://api.example.com/v1?" + other + "=" + otherValue + "&" + word + "=" + secret + "&page=2");
        assertFalse(out.contains(secret), out);
        assertTrue(out.contains(other + "=" + otherValue + "&"), out);
        assertTrue(out.endsWith("&page=2"), out);
    }

    @Property
    void aSecretInAMessageOrABearerHeaderNeverComesOut(
            @ForAll("secrets") String secret,
            @ForAll("sensitiveWords") String word,
            @ForAll("separatorsInText") String between) {
        assertFalse(MASK.text("login failed for " + word + between + secret + " at 12:00")
                .contains(secret));
        assertFalse(MASK.text("sent Bearer " + secret).contains(secret));
    }

    @Property
    void textWithoutSecretsComesOutUnchanged(@ForAll("plainText") String text) {
        Assume.that(!text.toLowerCase().contains("bearer"));
        assertEquals(text, MASK.text(text));
    }

    @Property
    void maskingTwiceChangesNothing(@ForAll("mixedText") String text) {
        String once = MASK.text(text);
        assertEquals(once, MASK.text(once));
    }

    @Provide
    Arbitrary<String> sensitiveWords() {
        return Arbitraries.of(
                "password",
                "passwd",
                "pwd",
                "passphrase",
                "secret",
                "token",
                "api_key",
                "access_key",
                "private_key",
                "client_secret",
                "auth",
                "credential",
                "cookie",
                "session_id",
                "jwt",
                "dsn",
                "connection_string",
                "signature");
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of("_", "-", ".", "");
    }

    @Provide
    Arbitrary<String> separatorsInText() {
        return Arbitraries.of("=", ": ", "=\"", " = ", "\":\"");
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(6);
    }

    /** Names that hold no sensitive word. */
    @Provide
    Arbitrary<String> plainNames() {
        return Arbitraries.of("page", "limit", "sort", "q", "customer", "order_id", "lang");
    }

    @Provide
    Arbitrary<String> plainValues() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .numeric()
                .ofMinLength(1)
                .ofMaxLength(8);
    }

    /** Long enough and from an alphabet of its own (upper case), so it cannot be found by chance elsewhere. */
    @Provide
    Arbitrary<String> secrets() {
        return Arbitraries.strings()
                .withCharRange('A', 'Z')
                .withChars('+', '/', '_', '~', '!', '$', '*')
                .ofMinLength(10)
                .ofMaxLength(40);
    }

    @Provide
    Arbitrary<String> hosts() {
        return Arbitraries.of("db", "db.internal", "10.0.0.7:5432", "cache-1.example.com");
    }

    /** Prose without = or : or @, so it has no key=value, no URL with a password. */
    @Provide
    Arbitrary<String> plainText() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withChars(' ', '.', ',', '-', '/', '(', ')', '?')
                .numeric()
                .ofMaxLength(80);
    }

    @Provide
    Arbitrary<String> mixedText() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                plainText(),
                Arbitraries.of(
                        "token=abc",
                        "Bearer abcdefghij",
                        "pg://u:p@h/d",
                        "password: x",
                        "\"secret\":\"y\"",
                        "Authorization: Bearer zzzzzzzzz",
                        "[MASKED]",
                        "eyJabcdef.eyJabcdef.sig",
                        "?api_key=1&page=2"));
        return piece.list().ofMaxSize(6).map(parts -> String.join(" ", parts));
    }
}
