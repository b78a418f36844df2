package com.aftersales.gateway;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;

/**
 * Every route the service answers, read from its handler mappings (annotated controllers and
 * actuator endpoints) and router functions, so that a route added later is in every test that walks
 * them; and a request body of the right shape for each, built from the body's record type.
 */
final class ApiRoutes {

    /** Open by design: probes, the API description, the checkpoint signatures' public keys. */
    static final Set<String> OPEN = Set.of("/actuator/health", "/actuator/health/**", "/actuator/health/{*path}",
            "/actuator/info", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs/swagger-config",
            "/v3/api-docs.yaml", "/swagger-ui.html", "/api/v1/audit/jwks.json",
            // the GraphQL schema, and the graphql-ws handshake (its token comes in connection_init, docs/graphql.md)
            "/graphql/schema", "GET /graphql");

    record Route(HttpMethod method, String pattern, Class<?> body) {
        boolean isOpen() {
            return OPEN.contains(pattern) || OPEN.contains(method + " " + pattern) || pattern.startsWith("/v3/api-docs") || pattern.startsWith("/swagger-ui")
                    || pattern.startsWith("/webjars/");
        }

        String uri(Function<String, String> variables) {
            StringBuilder uri = new StringBuilder();
            for (String part : pattern.split("/")) {
                if (part.isEmpty()) {
                    continue;
                }
                uri.append('/').append(part.startsWith("{") ? variables.apply(part.replaceAll("[{}*]", "")) : part);
            }
            return uri.length() == 0 ? "/" : uri.toString();
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private ApiRoutes() {
    }

    static List<Route> all(ApplicationContext context) {
        Set<Route> routes = new LinkedHashSet<>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().forEach((info, handler) -> {
                    Class<?> body = null;
                    for (var parameter : handler.getMethodParameters()) {
                        if (parameter.hasParameterAnnotation(RequestBody.class)) {
                            body = parameter.getParameterType();
                        }
                    }
                    Set<HttpMethod> methods = new TreeSet<>(java.util.Comparator.comparing(HttpMethod::name));
                    info.getMethodsCondition().getMethods().forEach(method -> methods.add(HttpMethod.valueOf(method.name())));
                    if (methods.isEmpty()) {
                        methods.add(HttpMethod.GET);
                    }
                    for (var pattern : info.getPatternsCondition().getPatterns()) {
                        for (HttpMethod method : methods) {
                            routes.add(new Route(method, pattern.getPatternString(), body));
                        }
                    }
                }));
        context.getBeansOfType(RouterFunctionMapping.class).values().forEach(mapping -> {
            if (mapping.getRouterFunction() != null) {
                mapping.getRouterFunction().accept(new FunctionRoutes(routes));
            }
        });
        return List.copyOf(routes);
    }

    /** Method and path of each route of a router function; a route without a path is reported as "/**". */
    private static final class FunctionRoutes implements RouterFunctions.Visitor {

        private final Set<Route> routes;

        FunctionRoutes(Set<Route> routes) {
            this.routes = routes;
        }

        @Override
        public void startNested(RequestPredicate predicate) {
        }

        @Override
        public void endNested(RequestPredicate predicate) {
        }

        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
            List<String> paths = new ArrayList<>();
            Set<HttpMethod> methods = new LinkedHashSet<>();
            predicate.accept(new RequestPredicates.Visitor() {
                @Override
                public void method(Set<HttpMethod> accepted) {
                    methods.addAll(accepted);
                }

                @Override
                public void path(String pattern) {
                    paths.add(pattern);
                }

                @Override
                public void pathExtension(String extension) {
                }

                @Override
                public void header(String name, String value) {
                }

                @Override
                public void queryParam(String name, String value) {
                }

                @Override
                public void startAnd() {
                }

                @Override
                public void and() {
                }

                @Override
                public void endAnd() {
                }

                @Override
                public void startOr() {
                }

                @Override
                public void or() {
                }

                @Override
                public void endOr() {
                }

                @Override
                public void startNegate() {
                }

                @Override
                public void endNegate() {
                }

                /** Spring for GraphQL's predicates keep their path in a field of their own. */
                @Override
                public void unknown(RequestPredicate unknown) {
                    if (ReflectionUtils.findField(unknown.getClass(), "pattern") != null
                            && ReflectionTestUtils.getField(unknown, "pattern") instanceof PathPattern pattern) {
                        paths.add(pattern.getPatternString());
                        methods.add(HttpMethod.POST);
                    }
                }
            });
            if (methods.isEmpty()) {
                methods.addAll(List.of(HttpMethod.GET, HttpMethod.POST));
            }
            for (String path : paths.isEmpty() ? List.of("/**") : paths) {
                methods.forEach(method -> routes.add(new Route(method, path, Map.class)));
            }
        }

        @Override
        public void resources(Function<ServerRequest, reactor.core.publisher.Mono<org.springframework.core.io.Resource>> lookup) {
        }

        @Override
        public void attributes(Map<String, Object> attributes) {
        }

        @Override
        public void unknown(RouterFunction<?> routerFunction) {
        }
    }

    /** A JSON-ready body of {@code type}: every record component filled with a plain valid-looking value. */
    static Object sample(Type type) {
        Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            return "x";
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class || raw == Short.class) {
            return 1;
        }
        if (raw == BigDecimal.class || raw == Double.class || raw == double.class) {
            return 1;
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return false;
        }
        if (raw == Instant.class) {
            return ApiTestSupport.NOW.plusSeconds(3600).toString();
        }
        if (raw == LocalDate.class) {
            return "2024-05-01";
        }
        if (raw == Duration.class) {
            return "PT24H";
        }
        if (raw == Period.class) {
            return "P3Y";
        }
        if (raw == ZoneId.class) {
            return "Asia/Shanghai";
        }
        if (raw == com.aftersales.infra.tenancy.PriorityScheme.class) {
            return "URGENT_NORMAL_LOW";
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0].toString();
        }
        if (Collection.class.isAssignableFrom(raw)) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            return List.of(sample(element));
        }
        if (Map.class.isAssignableFrom(raw)) {
            return Map.of();
        }
        if (raw.isRecord()) {
            Map<String, Object> body = new LinkedHashMap<>();
            for (RecordComponent component : raw.getRecordComponents()) {
                body.put(component.getName(), sample(component.getGenericType()));
            }
            return body;
        }
        return Map.of();
    }
}
