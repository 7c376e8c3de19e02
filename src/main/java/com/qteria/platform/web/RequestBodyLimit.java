package com.qteria.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds request bodies that are read as a stream (JSON above all): reading stops with {@link TooLarge} at the limit,
 * or at the first read when {@code Content-Length} already says more, and the request is answered 413 — a 200 MB
 * body is no longer parsed whole before its 422. The check bites when the body is read, that is after the role check
 * ({@code RolesBeforeInput}). Multipart uploads have their own limits ({@code QTERIA_MAX_UPLOAD_MB}, part count), and
 * form posts Tomcat's {@code max-http-form-post-size}; neither passes through here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
@EnableConfigurationProperties(RequestBodyLimit.Settings.class) // also in web slices, which scan no settings
class RequestBodyLimit extends OncePerRequestFilter {

    private final long limit;

    RequestBodyLimit(Settings settings) {
        this.limit = settings.maxJsonBody().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded")) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    /** The body went past the limit; answered 413 by the exception handlers. */
    static final class TooLarge extends IOException {

        TooLarge(long limit) {
            super("The request body is larger than " + DataSize.ofBytes(limit).toKilobytes() + " KB");
        }
    }

    static boolean causedByTooLarge(Throwable e) {
        return ProblemResponses.causedBy(e, TooLarge.class::isInstance);
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), getContentLengthLong(), limit);
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final long declared;
        private final long limit;
        private long read;

        Counting(ServletInputStream in, long declared, long limit) {
            this.in = in;
            this.declared = declared;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            check(0);
            int b = in.read();
            if (b >= 0) {
                check(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            check(0);
            int n = in.read(buffer, offset, (int) Math.min(length, limit - read + 1));
            if (n > 0) {
                check(n);
            }
            return n;
        }

        private void check(int more) throws TooLarge {
            read += more;
            if (read > limit || declared > limit) {
                throw new TooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }

    /**
     * @param maxJsonBody The largest JSON (or other non-form, non-multipart) request body accepted; larger ones are
     *                    answered 413 before they are parsed whole. Environment variable: QTERIA_MAX_JSON_BODY.
     */
    @Validated
    @ConfigurationProperties("qteria.web")
    record Settings(@NotNull(message = "a size such as 2MB or 512KB") DataSize maxJsonBody) {
    }
}
