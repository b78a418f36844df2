package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.language.NonNullType;
import graphql.language.ListType;
import graphql.language.Type;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import reactor.core.publisher.Mono;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import org.springframework.http.MediaType;

/** GraphQL over the real HTTP stack with real signed tokens, and the checked-in schema as the tests read it. */
public abstract class GraphQlTestSupport extends ApiTestSupport {

    /** The fields of a ticket that the tests select after a task. */
    protected static final String TICKET_FIELDS = "id number status version type priority "
            + "handling { followUp plan { approvalBy approval } complaint { review } }";

    @LocalServerPort
    protected int port;
    @Autowired
    private QueryBus queryBus;
    @Autowired
    private CommandBus commandBus;

    /** Queries and commands handled since the test began, by payload type (simple name). */
    protected final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
    /** While set, every query fails with this (an unexpected failure inside the service). */
    protected volatile RuntimeException failQueries;
    private final List<Registration> counting = new ArrayList<>();

    @BeforeEach
    void countHandledMessages() {
        counting.add(queryBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            count(unitOfWork.getMessage().getPayloadType());
            if (failQueries != null) {
                throw failQueries;
            }
            return chain.proceed();
        }));
        counting.add(commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            count(unitOfWork.getMessage().getPayloadType());
            return chain.proceed();
        }));
    }

    private void count(Class<?> type) {
        handled.computeIfAbsent(type.getSimpleName(), name -> new AtomicInteger()).incrementAndGet();
    }

    @AfterEach
    void stopCounting() {
        counting.forEach(Registration::cancel);
    }

    protected int handledCount() {
        return handled.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** A graphql-ws client against the running server, authenticated in connection_init. */
    protected WebSocketGraphQlClient socket(String token) {
        return socket(token, "en");
    }

    /** The same, with {@code Accept-Language} on the handshake. */
    protected WebSocketGraphQlClient socket(String token, String language) {
        return WebSocketGraphQlClient.builder("ws://localhost:" + port + "/graphql", new ReactorNettyWebSocketClient())
                .headers(headers -> headers.set("Accept-Language", language))
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Bearer " + token));
                    }
                }).build();
    }

    /** A graphql-ws connection driven message by message, to see exactly what the server sends and how it closes. */
    protected RawSocket rawSocket() {
        return new RawSocket(URI.create("ws://localhost:" + port + "/graphql"));
    }

    protected static final class RawSocket implements AutoCloseable {

        private static final ObjectMapper JSON = new ObjectMapper();
        private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        private final Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();
        private final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
        private final CompletableFuture<Void> opened = new CompletableFuture<>();
        private final Disposable connection;

        RawSocket(URI uri) {
            connection = new ReactorNettyWebSocketClient().execute(uri, new WebSocketHandler() {
                @Override
                public List<String> getSubProtocols() {
                    return List.of("graphql-transport-ws");
                }

                @Override
                public Mono<Void> handle(WebSocketSession session) {
                    session.closeStatus().subscribe(closed::complete);
                    session.send(outgoing.asFlux().map(session::textMessage)).subscribe(done -> { }, failure -> { });
                    return session.receive().doOnSubscribe(subscribed -> opened.complete(null))
                            .map(WebSocketMessage::getPayloadAsText)
                            .doOnNext(text -> received.add(read(text)))
                            .then(Mono.delay(Duration.ofSeconds(2))) // the close status, if any, comes with the end
                            .doOnNext(late -> closed.complete(CloseStatus.NO_STATUS_CODE)).then();
                }
            }).subscribe(done -> { }, closed::completeExceptionally);
        }

        private static JsonNode read(String text) {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void send(Map<String, Object> message) {
            try {
                outgoing.tryEmitNext(JSON.writeValueAsString(message));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Once the handshake is done and the socket reads: a message sent earlier could go unanswered. */
        public void init(String token) {
            try {
                opened.get(20, TimeUnit.SECONDS);
            } catch (InterruptedException | ExecutionException | TimeoutException e) {
                throw new IllegalStateException("the graphql-ws connection did not open", e);
            }
            send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token)));
        }

        public void subscribe(String id, String document, Map<String, Object> variables) {
            send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", document, "variables", variables)));
        }

        /** The next message received within {@code timeout}, or null. */
        public JsonNode next(Duration timeout) throws InterruptedException {
            return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Every message received so far. */
        public List<JsonNode> drain() {
            List<JsonNode> all = new ArrayList<>();
            received.drainTo(all);
            return all;
        }

        /** How the server closed the connection, or null when it did not within {@code timeout}. */
        public CloseStatus closeStatus(Duration timeout) {
            try {
                return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException notClosed) {
                return null;
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            outgoing.tryEmitComplete();
            connection.dispose();
        }
    }

    protected static TypeDefinitionRegistry schema() {
        try (var reader = new InputStreamReader(new ClassPathResource("graphql/tickets.graphqls").getInputStream(),
                StandardCharsets.UTF_8)) {
            return new SchemaParser().parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static List<FieldDefinition> operations(String rootType) {
        return schema().getType(rootType, ObjectTypeDefinition.class).orElseThrow().getFieldDefinitions();
    }

    protected static String typeName(Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return typeName(nonNull.getType()) + "!";
        }
        if (type instanceof ListType list) {
            return "[" + typeName(list.getType()) + "]";
        }
        return ((TypeName) type).getName();
    }

    /** {@code name(arg: $arg ...) { selection }} with every declared argument as a variable. */
    protected static String document(String operation, FieldDefinition field, String selection) {
        StringBuilder variables = new StringBuilder();
        StringBuilder arguments = new StringBuilder();
        for (InputValueDefinition argument : field.getInputValueDefinitions()) {
            variables.append(variables.isEmpty() ? "" : ", ").append('$').append(argument.getName()).append(": ")
                    .append(typeName(argument.getType()));
            arguments.append(arguments.isEmpty() ? "" : ", ").append(argument.getName()).append(": $")
                    .append(argument.getName());
        }
        return operation + (variables.isEmpty() ? "" : "(" + variables + ")") + " { " + field.getName()
                + (arguments.isEmpty() ? "" : "(" + arguments + ")") + " { " + selection + " } }";
    }

    protected static FieldDefinition mutation(String name) {
        return operations("Mutation").stream().filter(field -> field.getName().equals(name)).findFirst().orElseThrow();
    }

    protected JsonNode graphql(String token, String document, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        return http.post().uri("/graphql").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
    }

    /** The data of a request that must succeed. */
    protected JsonNode data(String token, String document, Map<String, Object> variables) {
        JsonNode response = graphql(token, document, variables);
        assertThat(response.path("errors").isMissingNode() || response.path("errors").isEmpty())
                .as("errors of %s: %s", document, response.path("errors")).isTrue();
        return response.get("data");
    }

    protected static String code(JsonNode response) {
        return response.at("/errors/0/extensions/code").asText(null);
    }

    /** Runs a task mutation with the expected version; answers the whole response. */
    protected JsonNode task(String token, String name, String ticketId, Long expectedVersion, Object input) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", ticketId);
        variables.put("expectedVersion", expectedVersion);
        if (input != null) {
            variables.put("input", input);
        }
        return graphql(token, document("mutation", mutation(name), TICKET_FIELDS), variables);
    }

    protected JsonNode ticket(String token, String ticketId) {
        return data(token, "query($id: ID!) { ticket(id: $id) { " + TICKET_FIELDS + " } }", Map.of("id", ticketId))
                .get("ticket");
    }

    protected String openTicket(String token, Map<String, Object> registration) {
        return data(token, document("mutation", mutation("openTicket"), "id version"), Map.of("input", registration))
                .at("/openTicket/id").asText();
    }
}
