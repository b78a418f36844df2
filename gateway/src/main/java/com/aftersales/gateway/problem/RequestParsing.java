package com.aftersales.gateway.problem;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.reactive.accept.HeaderContentTypeResolver;
import org.springframework.web.reactive.accept.RequestedContentTypeResolverBuilder;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.server.NotAcceptableStatusException;

/** How the API reads the parts of a request that Spring would otherwise fail on with a 5xx or an empty body. */
@Configuration
public class RequestParsing implements WebFluxConfigurer {

    private static final HeaderContentTypeResolver ACCEPT_HEADER = new HeaderContentTypeResolver();

    /**
     * A malformed Accept header ({@code text/html;q=abc}) is disregarded, as RFC 9110 §12.5.1
     * allows: failing on it would also leave error answers without a body, since Spring reads
     * Accept before it honours a problem's content type.
     */
    @Override
    public void configureContentTypeResolver(RequestedContentTypeResolverBuilder builder) {
        builder.resolver(exchange -> {
            try {
                return ACCEPT_HEADER.resolveMediaTypes(exchange);
            } catch (NotAcceptableStatusException malformed) {
                return List.of(MediaType.ALL);
            }
        });
    }

    /**
     * Query parameters bind to flat records only. Without auto-growing, a nested or indexed name
     * ({@code customer.name=x}, {@code customer[$ne]=1}) fails as an {@code InvalidPropertyException},
     * which {@link ProblemHandler} answers 400 MALFORMED_REQUEST, instead of an IllegalStateException.
     */
    @ControllerAdvice
    static class FlatParameters {

        @InitBinder
        void flat(WebDataBinder binder) {
            binder.setAutoGrowNestedPaths(false);
        }
    }
}
