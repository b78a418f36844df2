package com.aftersales.gateway.graphql;

import com.aftersales.gateway.graphql.TicketGraphQl.TimelineKey;
import com.aftersales.ticket.view.TicketQueries.FindTimelines;
import com.aftersales.ticket.view.TicketQueries.TimelinePage;
import com.aftersales.ticket.view.TicketQueries.TimelinePages;
import com.aftersales.ticket.view.TicketQueries.TimelineRange;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import com.aftersales.gateway.privacy.PersonalDataMasking;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webflux.GraphQlHttpHandler;
import org.springframework.graphql.server.webflux.GraphQlSseHandler;
import com.aftersales.gateway.problem.Problems;
import com.fasterxml.jackson.core.JsonParser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.codec.CodecCustomizer;
import org.springframework.graphql.server.webflux.GraphQlWebSocketHandler;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.http.codec.json.Jackson2JsonDecoder;
import org.springframework.http.codec.json.Jackson2JsonEncoder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * GraphQL wiring beyond Spring Boot's: limits and tenant settings, and the batch loader that reads
 * the timelines of all tickets of a request in one query (grouped by tenant and page window, which
 * one request shares unless it asks for different pages).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({GraphQlProperties.class, GraphQlTenantSettings.class})
public class GraphQlConfiguration {

    public GraphQlConfiguration(BatchLoaderRegistry loaders, QueryGateway queries) {
        loaders.forTypePair(TimelineKey.class, TimelinePage.class)
                // batching, not caching: a subscription is one long request, and its cache would grow
                // with every change for as long as it lasts (keys carry the version, so hits are rare)
                .withOptions(options -> options.setCachingEnabled(false))
                .registerMappedBatchLoader((keys, env) -> timelines(queries, keys));
    }

    /**
     * POST /graphql, answering with {@link #codecs} instead of the REST codecs (which leave nulls
     * out), and with problems for unreadable requests ({@link GraphQlHttp}).
     */
    @Bean
    GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler handler, ObjectMapper json,
                                          ObjectProvider<CodecCustomizer> customizers, Problems problems) {
        return new GraphQlHttp.ProblemAnsweringHttpHandler(handler, codecs(json, customizers), problems);
    }

    /** Replaces Spring Boot's SSE transport: refused (docs/graphql.md). */
    @Bean
    GraphQlSseHandler graphQlSseHandler(WebGraphQlHandler handler, Problems problems) {
        return new GraphQlHttp.RefusedSseHandler(handler, problems);
    }

    /** graphql-ws on the same codecs; the same settings as Spring Boot's own handler otherwise. */
    @Bean
    GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler handler, ObjectMapper json,
                                                    ObjectProvider<CodecCustomizer> customizers,
                                                    org.springframework.boot.autoconfigure.graphql.GraphQlProperties boot) {
        return new SessionAwareWebSocketHandler(handler, codecs(json, customizers), boot.getWebsocket().getConnectionInitTimeout(),
                boot.getWebsocket().getKeepAlive());
    }

    /**
     * Spring's graphql-ws handler, leaving the WebSocket session in its attributes: interceptors see
     * only {@link org.springframework.graphql.server.WebSocketSessionInfo}, which cannot close the
     * connection, and {@link GraphQlEntry} must close it (4401) when the token expires.
     */
    static final class SessionAwareWebSocketHandler extends GraphQlWebSocketHandler {

        SessionAwareWebSocketHandler(WebGraphQlHandler handler, ServerCodecConfigurer codecs,
                                     java.time.Duration initTimeout, java.time.Duration keepAlive) {
            super(handler, codecs, initTimeout, keepAlive);
        }

        @Override
        public Mono<Void> handle(WebSocketSession session) {
            session.getAttributes().put(GraphQlEntry.SESSION, session);
            return super.handle(session);
        }
    }

    /**
     * Spring Boot's JSON, writing nulls: a GraphQL answer names every selected field, null or not
     * (GraphQL spec §7). Not the REST masking encoder: it masks by the written field name, which an
     * alias chooses, so GraphQL masks each ticket for its caller before selecting from it
     * ({@link PersonalDataMasking}); masking again would mask the masked ({@code *******5678} to
     * {@code ****}).
     */
    private static ServerCodecConfigurer codecs(ObjectMapper json, ObjectProvider<CodecCustomizer> customizers) {
        ObjectMapper withNulls = json.copy().setDefaultPropertyInclusion(JsonInclude.Include.ALWAYS)
                .setSerializationInclusion(JsonInclude.Include.ALWAYS);
        // as REST reads bodies (ApiJson): a key named twice is refused, not "the last one wins";
        // unknown keys stay allowed (GraphQL clients send their own extensions beside query)
        ObjectMapper strict = json.copy();
        strict.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        ServerCodecConfigurer codecs = ServerCodecConfigurer.create();
        customizers.orderedStream().forEach(customizer -> customizer.customize(codecs)); // limits as REST
        codecs.defaultCodecs().jackson2JsonDecoder(new Jackson2JsonDecoder(strict));
        codecs.defaultCodecs().jackson2JsonEncoder(new Jackson2JsonEncoder(withNulls));
        return codecs;
    }

    private static Mono<Map<TimelineKey, TimelinePage>> timelines(QueryGateway queries, Set<TimelineKey> keys) {
        Map<List<Object>, List<TimelineKey>> groups = keys.stream().collect(Collectors.groupingBy(
                key -> List.of(key.tenantId(), key.from(), key.limit())));
        return Flux.fromIterable(groups.values())
                .flatMap(group -> {
                    String tenantId = group.get(0).tenantId();
                    List<TimelineRange> ranges = group.stream()
                            .map(key -> new TimelineRange(key.ticketId(), key.from(), key.to(), key.limit())).toList();
                    return Mono.fromFuture(() -> queries.query(new FindTimelines(tenantId, ranges), TimelinePages.class))
                            .map(pages -> {
                                Map<TimelineKey, TimelinePage> found = new HashMap<>();
                                group.forEach(key -> found.put(key, pages.pages().get(key.ticketId())));
                                return found;
                            });
                })
                .collectList()
                .map(maps -> {
                    Map<TimelineKey, TimelinePage> all = new HashMap<>();
                    maps.forEach(all::putAll);
                    return all;
                });
    }
}
