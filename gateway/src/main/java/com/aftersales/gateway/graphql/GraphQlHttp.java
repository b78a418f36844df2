package com.aftersales.gateway.graphql;

import com.aftersales.gateway.problem.ProblemWriter;
import com.aftersales.gateway.problem.Problems;
import java.net.URI;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webflux.GraphQlHttpHandler;
import org.springframework.graphql.server.webflux.GraphQlSseHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.CodecConfigurer;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * POST /graphql as router functions, which REST's {@code ProblemHandler} (a controller advice) does
 * not cover: a body that cannot be read as a GraphQL request (bad JSON, a key twice, no query, too
 * large) is answered with the same RFC 9457 problems as REST, and the SSE transport Spring Boot
 * routes {@code Accept: text/event-stream} to is refused (NOT_ACCEPTABLE): it would skip the
 * GraphQL codecs and none of its isolation, expiry or limits is tested.
 */
final class GraphQlHttp {

    private GraphQlHttp() {
    }

    static ServerResponse.BodyBuilder problemResponse(ServerRequest request, ProblemDetail problem) {
        problem.setInstance(URI.create(request.path()));
        return ServerResponse.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    static Mono<ServerResponse> answer(ServerRequest request, ProblemDetail problem) {
        return problemResponse(request, problem).bodyValue(problem);
    }

    /** Spring's HTTP handler, answering unreadable requests with problems. */
    static final class ProblemAnsweringHttpHandler extends GraphQlHttpHandler {

        private final Problems problems;

        ProblemAnsweringHttpHandler(WebGraphQlHandler handler, CodecConfigurer codecs, Problems problems) {
            super(handler, codecs);
            this.problems = problems;
        }

        @Override
        public Mono<ServerResponse> handleRequest(ServerRequest request) {
            return super.handleRequest(request).onErrorResume(failure -> unreadable(failure) != null,
                    failure -> answer(request, problems.problem(unreadable(failure), code(unreadable(failure)),
                            ProblemWriter.locale(request.exchange()))));
        }

        private static HttpStatus unreadable(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof DataBufferLimitException) {
                    return HttpStatus.PAYLOAD_TOO_LARGE;
                }
            }
            if (failure instanceof ServerWebInputException || failure instanceof DecodingException) {
                return HttpStatus.BAD_REQUEST;
            }
            if (failure instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError()) {
                return HttpStatus.valueOf(status.getStatusCode().value());
            }
            return null;
        }

        private static String code(HttpStatus status) {
            return switch (status) {
                case PAYLOAD_TOO_LARGE -> "PAYLOAD_TOO_LARGE";
                case UNSUPPORTED_MEDIA_TYPE -> "UNSUPPORTED_MEDIA_TYPE";
                case NOT_ACCEPTABLE -> "NOT_ACCEPTABLE";
                default -> "MALFORMED_REQUEST";
            };
        }
    }

    /** In place of Spring Boot's SSE handler: GraphQL over SSE is not offered. */
    static final class RefusedSseHandler extends GraphQlSseHandler {

        private final Problems problems;

        RefusedSseHandler(WebGraphQlHandler handler, Problems problems) {
            super(handler);
            this.problems = problems;
        }

        @Override
        public Mono<ServerResponse> handleRequest(ServerRequest request) {
            return answer(request, problems.problem(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE",
                    ProblemWriter.locale(request.exchange())));
        }
    }
}
