package cn.finance.disclosure.gateway;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;
import reactor.netty.channel.ChannelOperations;

import java.util.UUID;

/**
 * What must be answered on the connection itself, below Spring: Netty refuses a request line or headers over its
 * limits before any filter runs (a bare 414/431), and reactor-netty refuses a request target that is no URI (raw
 * {@code { | ^ "}) with an empty 400, while unencoded {@code [ ]} would pass on to a service that answers with an HTML
 * page. Here each becomes problem+json. And an HTTP/1.0 client never gets {@code Transfer-Encoding: chunked}
 * (RFC 9112 §6.1): its answer is delimited by closing the connection instead.
 *
 * <p>It also keeps a kept-alive connection read. reactor-netty (1.3.6, Boot 4.0.7's) reads a connection on demand and
 * can stop reading one for good: when the next request arrives before the previous exchange has ended (a client that
 * has the whole answer by its Content-Length sends at once, while the gateway still writes the answer's empty last
 * part), it is queued; when the queued request is then answered at once, the queue can drain without anyone asking
 * for the next read (reactor-netty issue 4361, fixed in 1.3.8, whose native transports are not served here). Seen
 * here as a connection whose next request sat unread in the gateway's receive queue. So once an answer's last part is
 * written, if no exchange is left on the connection and nothing reads it, this asks for the next read, as 1.3.8 does.
 */
final class ConnectionGuard extends ChannelDuplexHandler {

    static final String NAME = "finance.connectionGuard";

    private boolean rejecting;
    private boolean http10;
    private boolean closeAfterLastContent;

    @Configuration(proxyBeanMethods = false)
    static class Installation {

        @Bean
        NettyServerCustomizer connectionGuard() {
            return server -> server.doOnChannelInit((observer, channel, address) -> {
                if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                    channel.pipeline().addAfter(NettyPipeline.HttpCodec, NAME,
                            new ConnectionGuard());
                }
            });
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (rejecting) {
            ReferenceCountUtil.release(msg); // the rest of a refused request
            return;
        }
        if (msg instanceof HttpRequest request) {
            http10 = request.protocolVersion().equals(HttpVersion.HTTP_1_0);
            HttpResponseStatus refusal = refusal(request);
            if (refusal != null) {
                rejecting = true;
                ReferenceCountUtil.release(msg);
                refuse(ctx, refusal, request.decoderResult().isFailure() ? null : pathOnly(request.uri()));
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    private static HttpResponseStatus refusal(HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            Throwable cause = request.decoderResult().cause();
            if (cause instanceof TooLongHttpLineException) {
                return HttpResponseStatus.REQUEST_URI_TOO_LONG;
            }
            if (cause instanceof TooLongHttpHeaderException) {
                return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
            }
            return HttpResponseStatus.BAD_REQUEST;
        }
        return isUriText(request.uri()) ? null : HttpResponseStatus.BAD_REQUEST;
    }

    /** Only what RFC 3986 allows in a path and query: unreserved, sub-delims, ":", "@", "/", "?" and "%" escapes. */
    static boolean isUriText(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=:@/?%".indexOf(c) >= 0;
            if (!allowed) {
                return false;
            }
        }
        return !target.isEmpty();
    }

    private static String pathOnly(String target) {
        StringBuilder safe = new StringBuilder();
        for (int i = 0; i < target.length() && i < 200; i++) {
            char c = target.charAt(i);
            if (c == '?' || c == '#') {
                break;
            }
            safe.append(isUriText(String.valueOf(c)) ? c : '_');
        }
        return safe.toString();
    }

    private void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String instance) {
        String slug;
        String title;
        String detail;
        if (status.equals(HttpResponseStatus.REQUEST_URI_TOO_LONG)) {
            slug = "uri-too-long";
            title = "请求地址过长";
            detail = "请求行过长，无法处理";
        } else if (status.equals(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE)) {
            slug = "headers-too-large";
            title = "请求头过大";
            detail = "请求头过大，无法处理";
        } else if (instance != null) {
            slug = "malformed-uri";
            title = "请求地址不合规";
            detail = "请求地址含有未编码的字符（如空格、引号、方括号、花括号、|、^），须按 RFC 3986 进行百分号编码";
        } else {
            slug = "malformed-request";
            title = "请求不合规";
            detail = "请求不符合 HTTP 协议格式";
        }
        String correlationId = UUID.randomUUID().toString();
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                status, Unpooled.wrappedBuffer(ProblemWriter.bytes(status.code(), slug, title, detail, instance,
                correlationId)));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set(CorrelationIdFilter.HEADER, correlationId);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (http10 && msg instanceof HttpResponse response) {
            if (HttpUtil.isTransferEncodingChunked(response)) {
                response.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
                if (!HttpUtil.isContentLengthSet(response)) {
                    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                    closeAfterLastContent = true;
                }
            }
        }
        if (closeAfterLastContent && msg instanceof LastHttpContent) {
            closeAfterLastContent = false;
            ChannelPromise written = promise.unvoid();
            written.addListener(ChannelFutureListener.CLOSE);
            ctx.write(msg, written);
            return;
        }
        if (msg instanceof LastHttpContent && ChannelOperations.get(ctx.channel()) != null) {
            // the last part of an exchange's answer (reactor-netty's; a fast-path answer asks for its own read)
            ChannelPromise written = promise.unvoid();
            // after the listeners that end the exchange and whatever they queue on the event loop
            written.addListener(done -> ctx.executor().execute(() -> readIfForgotten(ctx)));
            ctx.write(msg, written);
            return;
        }
        ctx.write(msg, promise);
    }

    /** Asks for the next read when the connection is open and idle (no exchange) but nothing reads it. */
    static void readIfForgotten(ChannelHandlerContext ctx) {
        Channel channel = ctx.channel();
        if (!ctx.isRemoved() && channel.isActive() && !channel.config().isAutoRead()
                && ChannelOperations.get(channel) == null) {
            ctx.read();
        }
    }
}
