package com.aftersales.gateway.privacy;

import com.aftersales.access.Caller;
import com.aftersales.infra.tenancy.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageEncoder;
import org.springframework.http.codec.json.Jackson2JsonEncoder;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.lang.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.util.MimeType;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import org.springframework.web.server.ServerWebExchange;
import com.aftersales.infra.privacy.NotPersonalData;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * The server's JSON encoder: writes response bodies as Jackson does, but through
 * {@link MaskingJsonGenerator} unless the caller holds PII_READER. The caller is the verified
 * principal of the exchange being answered (put in the Reactor context by
 * {@link ServerWebExchangeContextFilter}); without one the body is masked. Bodies written here
 * depend on the caller's rights, so their responses carry {@code Vary: Authorization}. A body of a
 * {@link NotPersonalData} type is written unmasked.
 */
final class PersonalDataJsonEncoder implements HttpMessageEncoder<Object> {

    private final Jackson2JsonEncoder unmasked;
    private final Jackson2JsonEncoder masked;

    PersonalDataJsonEncoder(ObjectMapper json) {
        this.unmasked = new Jackson2JsonEncoder(json);
        this.masked = new Jackson2JsonEncoder(MaskingJsonGenerator.masking(json));
    }

    static boolean mayReadPersonalData(@Nullable Principal principal) {
        return principal instanceof Authentication authentication && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof Caller caller && caller.has(Role.PII_READER);
    }

    private static Mono<Boolean> mayReadPersonalData(ContextView context) {
        return ServerWebExchangeContextFilter.getExchange(context)
                .map(exchange -> {
                    varyByAuthorization(exchange);
                    return exchange.getPrincipal().map(PersonalDataJsonEncoder::mayReadPersonalData).defaultIfEmpty(false);
                })
                .orElseGet(() -> Mono.just(false));
    }

    private static void varyByAuthorization(ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return;
        }
        HttpHeaders headers = response.getHeaders();
        List<String> vary = new ArrayList<>(headers.getVary());
        if (vary.stream().noneMatch(HttpHeaders.AUTHORIZATION::equalsIgnoreCase)) {
            vary.add(HttpHeaders.AUTHORIZATION);
            headers.setVary(vary);
        }
    }

    @Override
    public Flux<DataBuffer> encode(Publisher<?> input, DataBufferFactory bufferFactory, ResolvableType elementType,
                                   @Nullable MimeType mimeType, @Nullable Map<String, Object> hints) {
        if (NotPersonalData.class.isAssignableFrom(elementType.toClass())) {
            return unmasked.encode(input, bufferFactory, elementType, mimeType, hints);
        }
        return Flux.deferContextual(context -> mayReadPersonalData(context).flatMapMany(mayRead ->
                (mayRead ? unmasked : masked).encode(input, bufferFactory, elementType, mimeType, hints)));
    }

    /** Called without the exchange's context (outside a request's reactive chain): masked. */
    @Override
    public DataBuffer encodeValue(Object value, DataBufferFactory bufferFactory, ResolvableType valueType,
                                  @Nullable MimeType mimeType, @Nullable Map<String, Object> hints) {
        return masked.encodeValue(value, bufferFactory, valueType, mimeType, hints);
    }

    @Override
    public boolean canEncode(ResolvableType elementType, @Nullable MimeType mimeType) {
        return unmasked.canEncode(elementType, mimeType);
    }

    @Override
    public List<MimeType> getEncodableMimeTypes() {
        return unmasked.getEncodableMimeTypes();
    }

    @Override
    public List<MimeType> getEncodableMimeTypes(ResolvableType elementType) {
        return unmasked.getEncodableMimeTypes(elementType);
    }

    @Override
    public List<MediaType> getStreamingMediaTypes() {
        return unmasked.getStreamingMediaTypes();
    }

    @Override
    public Map<String, Object> getEncodeHints(ResolvableType actualType, ResolvableType elementType,
                                              @Nullable MediaType mediaType, ServerHttpRequest request,
                                              ServerHttpResponse response) {
        return unmasked.getEncodeHints(actualType, elementType, mediaType, request, response);
    }
}
