package com.aftersales.gateway.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * The last resort for requests rejected before Spring can read them: a request line that is not
 * a valid URI ({@code ?q=%zz}), a line or headers too long for the server, a path the security
 * firewall refuses ({@code ..}, encoded slashes, NUL). Those are answered 4xx without a body by
 * Reactor Netty, Spring or Spring Security; this handler, right above the HTTP codec, gives such
 * a body-less 4xx a problem detail like every other error. Responses with a body, HEAD answers
 * and other statuses pass untouched.
 */
@Component
public class BodilessErrorResponses implements NettyServerCustomizer {

    private static final String HANDLER = "aftersales.problemBodies";

    private final Problems problems;
    private final ObjectMapper json;

    public BodilessErrorResponses(Problems problems, ObjectMapper json) {
        this.problems = problems;
        this.json = json;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null && channel.pipeline().get(HANDLER) == null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER, new Handler());
            }
        });
    }

    static String codeOf(int status) {
        return switch (status) {
            case 400 -> "MALFORMED_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 431 -> "HEADERS_TOO_LARGE";
            default -> "REQUEST_REJECTED";
        };
    }

    static Locale locale(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            return ranges.isEmpty() ? Locale.ENGLISH : Locale.forLanguageTag(ranges.get(0).getRange());
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }

    byte[] problem(HttpStatus status, String acceptLanguage) throws Exception {
        return json.writeValueAsBytes(problems.problem(status, codeOf(status.value()), locale(acceptLanguage)));
    }

    /** One per connection: remembers what the request being answered asked for. */
    private final class Handler extends ChannelDuplexHandler {

        private String acceptLanguage;
        private boolean head;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof HttpRequest request) {
                acceptLanguage = request.headers().get(HttpHeaderNames.ACCEPT_LANGUAGE);
                head = HttpMethod.HEAD.equals(request.method());
            }
            super.channelRead(ctx, msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof FullHttpResponse response && !head && response.content().readableBytes() == 0
                    && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
                HttpStatus status = HttpStatus.resolve(response.status().code());
                if (status != null && status.is4xxClientError()) {
                    byte[] body = problem(status, acceptLanguage);
                    FullHttpResponse withBody = response.replace(Unpooled.wrappedBuffer(body));
                    response.release();
                    withBody.headers().remove(HttpHeaderNames.TRANSFER_ENCODING)
                            .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                            .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                    msg = withBody;
                }
            }
            super.write(ctx, msg, promise);
        }
    }
}
