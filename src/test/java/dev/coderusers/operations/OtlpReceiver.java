package dev.coderusers.operations;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OpenTelemetry collector stand-in on loopback: it accepts OTLP over HTTP ({@code POST /v1/traces},
 * protobuf) as a collector does, and keeps the spans it got. The service under test exports to it through
 * {@code quarkus.otel.exporter.otlp.traces.endpoint}, so what a test sees is what a real collector would get.
 *
 * <p>The protobuf is read field by field ({@code opentelemetry/proto/trace/v1/trace.proto}): only the fields the
 * tests look at (trace and span ids, parent, name, string attributes).
 */
public class OtlpReceiver implements QuarkusTestResourceLifecycleManager {

    /** A received span. */
    public record Span(
            String traceId, String spanId, String parentSpanId, String name, Map<String, String> attributes) {}

    private static final List<Span> SPANS = new CopyOnWriteArrayList<>();
    private static HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                SPANS.addAll(decodeRequest(body.readAllBytes()));
            }
            // An empty ExportTraceServiceResponse.
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, 0);
            exchange.close();
        });
        server.start();
        return Map.of(
                "quarkus.otel.exporter.otlp.traces.endpoint",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** The spans received so far. */
    public static List<Span> spans() {
        return List.copyOf(SPANS);
    }

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
    static List<Span> decodeRequest(byte[] bytes) throws IOException {
        List<Span> spans = new ArrayList<>();
        for (byte[] resourceSpans : messages(bytes, 1)) {
            // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
            for (byte[] scopeSpans : messages(resourceSpans, 2)) {
                // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
                for (byte[] span : messages(scopeSpans, 2)) {
                    spans.add(decodeSpan(span));
                }
            }
        }
        return spans;
    }

    // Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5;
    //        repeated KeyValue attributes = 9; }
    private static Span decodeSpan(byte[] bytes) throws IOException {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        Map<String, String> attributes = new LinkedHashMap<>();
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> traceId = HexFormat.of().formatHex(in.readByteArray());
                case 2 -> spanId = HexFormat.of().formatHex(in.readByteArray());
                case 4 -> parent = HexFormat.of().formatHex(in.readByteArray());
                case 5 -> name = in.readString();
                case 9 -> attribute(in.readByteArray(), attributes);
                default -> in.skipField(tag);
            }
        }
        return new Span(traceId, spanId, parent, name, attributes);
    }

    // KeyValue { string key = 1; AnyValue value = 2; }  AnyValue { string string_value = 1; ... int_value = 3 }
    private static void attribute(byte[] bytes, Map<String, String> attributes) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        String key = null;
        String value = null;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (WireFormat.getTagFieldNumber(tag) == 1) {
                key = in.readString();
            } else if (WireFormat.getTagFieldNumber(tag) == 2) {
                CodedInputStream any = CodedInputStream.newInstance(in.readByteArray());
                for (int anyTag = any.readTag(); anyTag != 0; anyTag = any.readTag()) {
                    switch (WireFormat.getTagFieldNumber(anyTag)) {
                        case 1 -> value = any.readString();
                        case 3 -> value = Long.toString(any.readInt64());
                        default -> any.skipField(anyTag);
                    }
                }
            } else {
                in.skipField(tag);
            }
        }
        if (key != null && value != null) {
            attributes.put(key, value);
        }
    }

    /** The length-delimited fields number {@code field} of a message. */
    private static List<byte[]> messages(byte[] bytes, int field) throws IOException {
        List<byte[]> found = new ArrayList<>();
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (WireFormat.getTagFieldNumber(tag) == field
                    && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                found.add(in.readByteArray());
            } else {
                in.skipField(tag);
            }
        }
        return found;
    }
}
