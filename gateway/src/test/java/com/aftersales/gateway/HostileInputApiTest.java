package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.RecordComponent;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * Malformed and hostile requests at every route of the API, enumerated from Spring's handler
 * mapping so that a new route is covered the day it is added: none may answer 5xx, and every 4xx
 * is an RFC 9457 problem detail with a stable code.
 */
class HostileInputApiTest extends ApiTestSupport {

    /** Every role, so that requests reach the handlers instead of stopping at the door. */
    static final String EVERYONE = token("acme", "AGENT", "HANDLER", "SENIOR", "SUPERVISOR", "MANAGER", "AUDITOR",
            "TENANT_ADMIN");

    static final List<String> HOSTILE_IDS = List.of("..", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "%2e%2e%2f%2e%2e%2fetc",
            "%00", "%27%20OR%201%3D1--", "%7B%22%24ne%22%3A1%7D", "%E5%B7%A5%E5%8D%95", "%C3%28", "%FF%FE", "-1",
            "null", "%20", "a%3Bb", "x".repeat(2000), "1e309", "%5B%24ne%5D");

    static final List<String> HOSTILE_QUERIES = List.of("customer%5B%24ne%5D=1", "q%5B%24regex%5D=.*",
            "status%5B%24in%5D%5B%5D=REGISTERED", "%24where=1", "customer.name=x", "customer%5B0%5D=x",
            "limit%5B%24gt%5D=0", "a%5Bb%5D%5Bc%5D=1", "%5B%5D=1", "limit=abc", "limit=-5",
            "limit=99999999999999999999", "limit=1&limit=2", "registeredFrom=yesterday",
            "registeredTo=2024-13-45T99:99:99Z", "cursor=%00%01", "cursor=" + "A".repeat(1500),
            "q=" + "x".repeat(1500), "customer=" + "%E5%B7%A5".repeat(200), "q=%C3%28", "q=%FF%FE", "type=%00",
            "status=%7B%22%24ne%22%3Anull%7D", "registeredFrom=2024-05-20T00:00:00Z&registeredTo=2020-01-01T00:00:00Z");

    static final Map<String, String> HOSTILE_HEADERS = hostileHeaders();

    static Map<String, String> hostileHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("If-Match", "abc");
        headers.put("If-Match ", "W/\"1\"");
        headers.put("If-Match  ", "*");
        headers.put("If-Match   ", "\"1\", \"2\"");
        headers.put("If-Match    ", "\"99999999999999999999999\"");
        headers.put("If-Match     ", "\"-1\"");
        headers.put("If-Match      ", "");
        headers.put("Idempotency-Key", "");
        headers.put("Idempotency-Key ", "k".repeat(300));
        headers.put("Accept", "application/xml");
        headers.put("Accept ", "text/html;q=abc");
        headers.put("Accept-Language", "xx-;;q=abc");
        headers.put("Accept-Language ", "zh-CN;q=2, *;q=-1");
        return headers;
    }

    /** Content types a client library will send; unparseable ones go over the raw socket below. */
    static final List<String> HOSTILE_CONTENT_TYPES = List.of("text/plain", "application/xml",
            "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/octet-stream",
            "application/json;charset=ISO-8859-1", "application/problem+json", "application/x-ndjson");

    static final List<String> HOSTILE_BODIES = List.of("", "{", "}", "[]", "null", "\"x\"", "123", "{\"unknown\":1}",
            "{\"a\":1,\"a\":2}", "[".repeat(5000) + "]".repeat(5000), "{\"a\":" + "{\"a\":".repeat(3000) + "1"
                    + "}".repeat(3001), "{\"x\":\"" + "y".repeat(2_000_000) + "\"}", "{\"n\":" + "9".repeat(100_000) + "}",
            "{\"s\":\"\\ud800\"}", "\u0000", "{\"$where\":\"sleep(1000)\"}");

    /** Values of the wrong type or range for a field of any type. */
    static final List<String> HOSTILE_VALUES = List.of("{\"$ne\":1}", "[\"x\"]", "\"not-valid\"", "1e400", "true",
            "-99999999999999999999999", "\"" + "z".repeat(100_000) + "\"", "\"2024-02-30T25:61:00Z\"", "\"\"", "\"\\ud800\"");

    record Route(HttpMethod method, String pattern, Class<?> body) {
    }

    record Probe(String what, HttpMethod method, String uri, Map<String, String> headers, String contentType,
                 String body) {
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();
    private String ticketId;
    private org.springframework.test.web.reactive.server.WebTestClient patient;

    @BeforeEach
    void aTicket() {
        patient = http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        ticketId = patient.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(EVERYONE))
                .bodyValue(TicketRequests.airConditionerRepair()).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
    }

    List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Class<?> body = null;
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    body = parameter.getParameterType();
                }
            }
            for (var pattern : info.getPatternsCondition().getPatterns()) {
                for (var method : info.getMethodsCondition().getMethods()) {
                    if (pattern.getPatternString().startsWith("/api/")) {
                        routes.add(new Route(HttpMethod.valueOf(method.name()), pattern.getPatternString(), body));
                    }
                }
            }
        });
        return routes;
    }

    private String path(Route route, String id) {
        return route.pattern().replaceAll("\\{[^}]+}", id);
    }

    private List<Probe> probes(Route route) {
        List<Probe> probes = new ArrayList<>();
        boolean takesBody = route.method() == HttpMethod.POST || route.method() == HttpMethod.PUT;
        String aBody = takesBody ? "{}" : null;
        String json = takesBody ? MediaType.APPLICATION_JSON_VALUE : null;
        if (route.pattern().contains("{")) {
            for (String id : HOSTILE_IDS) {
                probes.add(new Probe("id " + id, route.method(), path(route, id), Map.of(), json, aBody));
            }
        }
        String path = path(route, ticketId);
        for (String query : HOSTILE_QUERIES) {
            probes.add(new Probe("query " + query, route.method(), path + "?" + query, Map.of(), json, aBody));
        }
        HOSTILE_HEADERS.forEach((name, value) -> probes.add(new Probe("header " + name.trim() + ": " + value,
                route.method(), path, Map.of(name.trim(), value), json, aBody)));
        for (HttpMethod other : List.of(HttpMethod.DELETE, HttpMethod.PATCH, HttpMethod.PUT, HttpMethod.POST, HttpMethod.GET)) {
            if (other != route.method()) {
                probes.add(new Probe("method " + other, other, path, Map.of(), null, null));
            }
        }
        if (!takesBody) {
            return probes;
        }
        for (String contentType : HOSTILE_CONTENT_TYPES) {
            probes.add(new Probe("content type " + contentType, route.method(), path, Map.of(), contentType, "{}"));
        }
        for (String body : HOSTILE_BODIES) {
            probes.add(new Probe("body " + abbreviate(body), route.method(), path, Map.of(), json, body));
        }
        if (route.body() != null && route.body().isRecord()) {
            for (RecordComponent component : route.body().getRecordComponents()) {
                for (String value : HOSTILE_VALUES) {
                    String body = "{\"" + component.getName() + "\":" + value + "}";
                    probes.add(new Probe("field " + component.getName() + "=" + abbreviate(value), route.method(),
                            path, Map.of(), json, body));
                }
                probes.add(new Probe("duplicate " + component.getName(), route.method(), path, Map.of(), json,
                        "{\"" + component.getName() + "\":null,\"" + component.getName() + "\":null}"));
            }
        }
        return probes;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + ")" : text;
    }

    /** Null when the answer is acceptable, else what is wrong with it. */
    private String judge(int status, String contentType, byte[] body) {
        if (status >= 500) {
            return status + " " + (body == null ? "" : abbreviate(new String(body, StandardCharsets.UTF_8)));
        }
        if (status < 400) {
            return null;
        }
        if (contentType == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(contentType))) {
            return status + " with content type " + contentType;
        }
        try {
            JsonNode problem = json.readTree(body);
            if (!problem.path("code").isTextual() || problem.path("status").asInt() != status) {
                return status + " without code or status: " + abbreviate(problem.toString());
            }
        } catch (Exception e) {
            return status + " with a body that is not JSON";
        }
        return null;
    }

    private String send(Probe probe) {
        try {
            var request = patient.method(probe.method()).uri(URI.create("http://localhost:" + port + probe.uri()))
                    .headers(h -> {
                        h.setBearerAuth(EVERYONE);
                        probe.headers().forEach(h::set);
                        if (probe.contentType() != null) {
                            h.set("Content-Type", probe.contentType());
                        }
                    });
            EntityExchangeResult<byte[]> result = (probe.body() == null ? request.exchange()
                    : request.bodyValue(probe.body().getBytes(StandardCharsets.UTF_8)).exchange())
                    .expectBody(byte[].class).returnResult();
            return judge(result.getStatus().value(), result.getResponseHeaders().getFirst("Content-Type"),
                    result.getResponseBody());
        } catch (RuntimeException e) {
            return "request failed: " + e;
        }
    }

    @Test
    void every_route_answers_hostile_input_with_a_problem_detail_and_never_with_5xx() {
        List<Route> routes = routes();
        assertThat(routes).as("routes of the API").hasSizeGreaterThan(25)
                .anyMatch(route -> route.pattern().equals("/api/v1/tickets") && route.method() == HttpMethod.GET);
        Set<String> failures = new TreeSet<>();
        int sent = 0;
        for (Route route : routes) {
            for (Probe probe : probes(route)) {
                sent++;
                String failure = send(probe);
                if (failure != null) {
                    failures.add(route.method() + " " + route.pattern() + " — " + probe.what() + ": " + failure);
                }
            }
        }
        assertThat(sent).isGreaterThan(1000);
        assertThat(failures).as("hostile requests answered wrongly").isEmpty();
    }

    /** Requests no HTTP client library will send: they are written to the socket byte by byte. */
    @Test
    void requests_that_are_not_valid_uris_or_headers_are_problem_details_too() throws Exception {
        String supplement = "POST /api/v1/tickets/" + ticketId + "/supplement HTTP/1.1";
        List<byte[]> requests = List.of(
                ascii("GET /api/v1/tickets?q=%zz HTTP/1.1"),
                ascii("GET /api/v1/tickets?q=% HTTP/1.1"),
                ascii("GET /api/v1/tickets/%zz HTTP/1.1"),
                ascii("GET /api/v1/tickets?customer[$ne]=1 HTTP/1.1"),
                ascii("GET /api/v1/tickets?q[$regex]=.* HTTP/1.1"),
                ascii("GET /api/v1/tickets/" + ticketId + "/timeline?x=a|b{c}^ HTTP/1.1"),
                ascii("GET /api/v1/tickets/../../etc/passwd HTTP/1.1"),
                concat(ascii("GET /api/v1/tickets/"), new byte[] {(byte) 0xff, (byte) 0xfe}, ascii(" HTTP/1.1")),
                concat(ascii("GET /api/v1/tickets?q="), new byte[] {(byte) 0xc3, (byte) 0x28}, ascii(" HTTP/1.1")),
                ascii("GET /api/v1/tickets?q=" + "x".repeat(10_000) + " HTTP/1.1"),
                ascii("GET /api/v1/tickets HTTP/1.1\r\nX-Huge: " + "h".repeat(20_000)),
                ascii("POST /api/v1/tickets HTTP/1.1\r\nIdempotency-Key:    \r\nContent-Type: application/json"
                        + "\r\nContent-Length: 2\r\n\r\n{}"),
                ascii(supplement + "\r\nContent-Type: invalid\r\nContent-Length: 2\r\n\r\n{}"),
                ascii(supplement + "\r\nContent-Type: application/json;charset=klingon\r\nContent-Length: 2\r\n\r\n{}"),
                concat(ascii(supplement + "\r\nContent-Type: application/json\r\nContent-Length: 20\r\n\r\n"
                        + "{\"information\":\""), new byte[] {(byte) 0xff, (byte) 0xc0, (byte) 0x22}, ascii("}")));
        Set<String> failures = new TreeSet<>();
        for (byte[] request : requests) {
            String failure = raw(request);
            if (failure != null) {
                failures.add(abbreviate(new String(request, StandardCharsets.ISO_8859_1)) + ": " + failure);
            }
        }
        assertThat(failures).isEmpty();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** {@code request}: the request line, optionally headers and a body after an empty line. */
    private String raw(byte[] request) throws Exception {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        int bodyAt = text.indexOf("\r\n\r\n");
        byte[] requestHead = bodyAt < 0 ? request : java.util.Arrays.copyOfRange(request, 0, bodyAt);
        byte[] requestBody = bodyAt < 0 ? new byte[0] : java.util.Arrays.copyOfRange(request, bodyAt + 4, request.length);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(requestHead);
            out.write(ascii("\r\nHost: localhost\r\nAuthorization: Bearer " + EVERYONE
                    + "\r\nAccept-Language: zh-CN\r\nConnection: close\r\n\r\n"));
            out.write(requestBody);
            out.flush();
            InputStream in = socket.getInputStream();
            String response;
            try {
                response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.net.SocketException reset) {
                // A head over the server's limits (4 KB line, 8 KB headers) is refused and the connection
                // closed while the rest of it is still unread; TCP then resets and the answer may be lost
                // in transit. Only such requests may end this way, and still never with a 5xx.
                return requestHead.length > 4096 ? null : "connection reset: " + reset.getMessage();
            }
            int headerEnd = response.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                return "no complete response: " + abbreviate(response);
            }
            String[] head = response.substring(0, headerEnd).split("\r\n");
            int status = Integer.parseInt(head[0].split(" ")[1]);
            String contentType = null;
            boolean chunked = false;
            for (String header : head) {
                String lower = header.toLowerCase();
                if (lower.startsWith("content-type:")) {
                    contentType = header.substring("content-type:".length()).trim();
                }
                chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
            }
            String body = response.substring(headerEnd + 4);
            if (chunked) {
                body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("\r\n0\r\n"));
            }
            return judge(status, contentType, body.getBytes(StandardCharsets.UTF_8));
        }
    }
}
