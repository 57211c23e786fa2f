package io.tasker.metrics.export.remote;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The remote write messages of {@code prompb/remote.proto} and {@code types.proto}, described to
 * protobuf-java so that the reference library decodes our bytes and encodes the reference bytes.
 * Decoding also checks the spec's rules on labels, so every test that decodes checks them.
 */
final class RemoteWriteProto {
    static final Descriptor WRITE_REQUEST;
    static final Descriptor TIME_SERIES;
    static final Descriptor LABEL;
    static final Descriptor SAMPLE;
    static final Descriptor METRIC_METADATA;

    static {
        DescriptorProto metadata = DescriptorProto.newBuilder()
                .setName("MetricMetadata")
                .addEnumType(EnumDescriptorProto.newBuilder()
                        .setName("MetricType")
                        .addValue(value("UNKNOWN", 0))
                        .addValue(value("COUNTER", 1))
                        .addValue(value("GAUGE", 2))
                        .addValue(value("HISTOGRAM", 3))
                        .addValue(value("GAUGEHISTOGRAM", 4))
                        .addValue(value("SUMMARY", 5))
                        .addValue(value("INFO", 6))
                        .addValue(value("STATESET", 7)))
                .addField(field("type", 1, Type.TYPE_ENUM, ".prometheus.MetricMetadata.MetricType", false))
                .addField(field("metric_family_name", 2, Type.TYPE_STRING, null, false))
                .addField(field("help", 4, Type.TYPE_STRING, null, false))
                .addField(field("unit", 5, Type.TYPE_STRING, null, false))
                .build();
        FileDescriptorProto file = FileDescriptorProto.newBuilder()
                .setName("remote.proto")
                .setPackage("prometheus")
                .setSyntax("proto3")
                .addMessageType(message(
                        "WriteRequest",
                        field("timeseries", 1, Type.TYPE_MESSAGE, ".prometheus.TimeSeries", true),
                        field("metadata", 3, Type.TYPE_MESSAGE, ".prometheus.MetricMetadata", true)))
                .addMessageType(message(
                        "TimeSeries",
                        field("labels", 1, Type.TYPE_MESSAGE, ".prometheus.Label", true),
                        field("samples", 2, Type.TYPE_MESSAGE, ".prometheus.Sample", true)))
                .addMessageType(message(
                        "Label",
                        field("name", 1, Type.TYPE_STRING, null, false),
                        field("value", 2, Type.TYPE_STRING, null, false)))
                .addMessageType(message(
                        "Sample",
                        field("value", 1, Type.TYPE_DOUBLE, null, false),
                        field("timestamp", 2, Type.TYPE_INT64, null, false)))
                .addMessageType(metadata)
                .build();
        try {
            FileDescriptor fd = FileDescriptor.buildFrom(file, new FileDescriptor[0]);
            WRITE_REQUEST = fd.findMessageTypeByName("WriteRequest");
            TIME_SERIES = fd.findMessageTypeByName("TimeSeries");
            LABEL = fd.findMessageTypeByName("Label");
            SAMPLE = fd.findMessageTypeByName("Sample");
            METRIC_METADATA = fd.findMessageTypeByName("MetricMetadata");
        } catch (DescriptorValidationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** One label of a series, in wire order. */
    record Pair(String name, String value) {}

    /** A decoded {@code TimeSeries} with its one sample. */
    record Series(List<Pair> labels, double value, long timestamp) {
        static Series of(double value, long timestamp, String... namesAndValues) {
            List<Pair> labels = new ArrayList<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                labels.add(new Pair(namesAndValues[i], namesAndValues[i + 1]));
            }
            return new Series(List.copyOf(labels), value, timestamp);
        }

        Map<String, String> labelMap() {
            Map<String, String> map = new LinkedHashMap<>();
            labels.forEach(p -> map.put(p.name(), p.value()));
            return map;
        }

        /** {@code name{a="b",...}}, the way the tests key series. */
        String key() {
            return key(labelMap());
        }

        static String key(Map<String, String> labels) {
            String rest = labels.entrySet().stream()
                    .filter(e -> !e.getKey().equals("__name__"))
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "=\""
                            + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                    .collect(Collectors.joining(","));
            return labels.get("__name__") + (rest.isEmpty() ? "" : "{" + rest + "}");
        }
    }

    /** A decoded {@code MetricMetadata}. */
    record Metadata(int type, String family, String help, String unit) {}

    /** A decoded {@code WriteRequest}. */
    record Decoded(List<Series> series, List<Metadata> metadata) {
        Map<String, Double> values() {
            Map<String, Double> values = new LinkedHashMap<>();
            series.forEach(s -> values.put(s.key(), s.value()));
            return values;
        }
    }

    private RemoteWriteProto() {}

    /** Parses with protobuf-java and checks what remote write 1.0 demands of the labels. */
    static Decoded decode(byte[] protobuf) {
        DynamicMessage request;
        try {
            request = DynamicMessage.parseFrom(WRITE_REQUEST, protobuf);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("protobuf-java cannot parse our WriteRequest: " + e.getMessage(), e);
        }
        noUnknownFields(request);
        List<Series> series = new ArrayList<>();
        for (Object ts : (List<?>) request.getField(field(WRITE_REQUEST, "timeseries"))) {
            series.add(series((DynamicMessage) ts));
        }
        List<Metadata> metadata = new ArrayList<>();
        for (Object m : (List<?>) request.getField(field(WRITE_REQUEST, "metadata"))) {
            DynamicMessage md = (DynamicMessage) m;
            metadata.add(new Metadata(
                    ((EnumValueDescriptor) md.getField(field(METRIC_METADATA, "type"))).getNumber(),
                    (String) md.getField(field(METRIC_METADATA, "metric_family_name")),
                    (String) md.getField(field(METRIC_METADATA, "help")),
                    (String) md.getField(field(METRIC_METADATA, "unit"))));
        }
        return new Decoded(series, metadata);
    }

    /** The bytes protobuf-java writes for these series and metadata. */
    static byte[] encode(List<Series> series, List<Metadata> metadata) {
        DynamicMessage.Builder request = DynamicMessage.newBuilder(WRITE_REQUEST);
        for (Series s : series) {
            DynamicMessage.Builder ts = DynamicMessage.newBuilder(TIME_SERIES);
            for (Pair p : s.labels()) {
                ts.addRepeatedField(
                        field(TIME_SERIES, "labels"),
                        DynamicMessage.newBuilder(LABEL)
                                .setField(field(LABEL, "name"), p.name())
                                .setField(field(LABEL, "value"), p.value())
                                .build());
            }
            ts.addRepeatedField(
                    field(TIME_SERIES, "samples"),
                    DynamicMessage.newBuilder(SAMPLE)
                            .setField(field(SAMPLE, "value"), s.value())
                            .setField(field(SAMPLE, "timestamp"), s.timestamp())
                            .build());
            request.addRepeatedField(field(WRITE_REQUEST, "timeseries"), ts.build());
        }
        for (Metadata m : metadata) {
            FieldDescriptor type = field(METRIC_METADATA, "type");
            request.addRepeatedField(
                    field(WRITE_REQUEST, "metadata"),
                    DynamicMessage.newBuilder(METRIC_METADATA)
                            .setField(type, type.getEnumType().findValueByNumber(m.type()))
                            .setField(field(METRIC_METADATA, "metric_family_name"), m.family())
                            .setField(field(METRIC_METADATA, "help"), m.help())
                            .setField(field(METRIC_METADATA, "unit"), m.unit())
                            .build());
        }
        return request.build().toByteArray();
    }

    private static Series series(DynamicMessage ts) {
        List<Pair> labels = new ArrayList<>();
        for (Object l : (List<?>) ts.getField(field(TIME_SERIES, "labels"))) {
            DynamicMessage label = (DynamicMessage) l;
            labels.add(new Pair(
                    (String) label.getField(field(LABEL, "name")), (String) label.getField(field(LABEL, "value"))));
        }
        List<?> samples = (List<?>) ts.getField(field(TIME_SERIES, "samples"));
        if (samples.size() != 1) {
            throw new AssertionError("Expected one sample per series, got " + samples.size() + " for " + labels);
        }
        DynamicMessage sample = (DynamicMessage) samples.get(0);
        checkLabels(labels);
        return new Series(List.copyOf(labels), (Double) sample.getField(field(SAMPLE, "value")), (Long)
                sample.getField(field(SAMPLE, "timestamp")));
    }

    /** Sorted by name in byte order, names unique, values never empty, {@code __name__} present. */
    private static void checkLabels(List<Pair> labels) {
        for (int i = 0; i < labels.size(); i++) {
            Pair p = labels.get(i);
            if (p.value().isEmpty()) {
                throw new AssertionError("Empty label value for " + p.name() + " in " + labels);
            }
            if (i > 0 && compareBytes(labels.get(i - 1).name(), p.name()) >= 0) {
                throw new AssertionError("Labels not sorted by name, or repeated: " + labels);
            }
        }
        if (labels.stream().noneMatch(p -> p.name().equals("__name__"))) {
            throw new AssertionError("No __name__ in " + labels);
        }
    }

    private static int compareBytes(String a, String b) {
        return java.util.Arrays.compareUnsigned(
                a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void noUnknownFields(DynamicMessage message) {
        if (!message.getUnknownFields().asMap().isEmpty()) {
            throw new AssertionError("Unknown fields in "
                    + message.getDescriptorForType().getName() + ": " + message.getUnknownFields());
        }
        message.getAllFields().forEach((f, v) -> {
            if (f.getType() == FieldDescriptor.Type.MESSAGE) {
                ((List<?>) v).forEach(m -> noUnknownFields((DynamicMessage) m));
            }
        });
    }

    private static FieldDescriptor field(Descriptor message, String name) {
        return message.findFieldByName(name);
    }

    private static DescriptorProto message(String name, FieldDescriptorProto... fields) {
        DescriptorProto.Builder b = DescriptorProto.newBuilder().setName(name);
        for (FieldDescriptorProto f : fields) {
            b.addField(f);
        }
        return b.build();
    }

    private static FieldDescriptorProto field(String name, int number, Type type, String typeName, boolean repeated) {
        FieldDescriptorProto.Builder b = FieldDescriptorProto.newBuilder()
                .setName(name)
                .setNumber(number)
                .setType(type)
                .setLabel(repeated ? Label.LABEL_REPEATED : Label.LABEL_OPTIONAL);
        if (typeName != null) {
            b.setTypeName(typeName);
        }
        return b.build();
    }

    private static EnumValueDescriptorProto value(String name, int number) {
        return EnumValueDescriptorProto.newBuilder()
                .setName(name)
                .setNumber(number)
                .build();
    }
}
