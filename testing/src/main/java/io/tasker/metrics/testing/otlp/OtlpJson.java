package io.tasker.metrics.testing.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OTLP/JSON into the generated messages. OTLP's JSON is protobuf's JSON mapping with one
 * exception, which protobuf's own parser does not know: trace and span ids are hex, not base64
 * (OTLP specification, "JSON Protobuf Encoding"). The ids are rewritten to base64 first; an id
 * that is not hex is left alone so that the parser rejects it.
 */
final class OtlpJson {
    private static final Pattern ID = Pattern.compile(
            "\"(traceId|spanId|parentSpanId|trace_id|span_id|parent_span_id)\"\\s*:\\s*\"([0-9a-fA-F]*)\"");
    private static final JsonFormat.Parser PARSER = JsonFormat.parser();

    private OtlpJson() {}

    static ExportTraceServiceRequest traces(byte[] body) throws InvalidProtocolBufferException {
        ExportTraceServiceRequest.Builder builder = ExportTraceServiceRequest.newBuilder();
        PARSER.merge(hexIdsToBase64(new String(body, StandardCharsets.UTF_8)), builder);
        return builder.build();
    }

    static ExportMetricsServiceRequest metrics(byte[] body) throws InvalidProtocolBufferException {
        ExportMetricsServiceRequest.Builder builder = ExportMetricsServiceRequest.newBuilder();
        PARSER.merge(hexIdsToBase64(new String(body, StandardCharsets.UTF_8)), builder);
        return builder.build();
    }

    static String hexIdsToBase64(String json) {
        Matcher m = ID.matcher(json);
        StringBuilder out = new StringBuilder(json.length());
        while (m.find()) {
            String base64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(m.group(2)));
            m.appendReplacement(out, Matcher.quoteReplacement("\"" + m.group(1) + "\":\"" + base64 + "\""));
        }
        m.appendTail(out);
        return out.toString();
    }
}
