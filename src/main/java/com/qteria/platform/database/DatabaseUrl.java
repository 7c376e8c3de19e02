package com.qteria.platform.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A database location as hosting platforms hand it out ({@code postgres://user:pass@host:5432/db?sslmode=require})
 * or as a JDBC URL, turned into what the JDBC driver wants. Error messages never repeat the value, because it
 * usually carries the password.
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

    public static DatabaseUrl parse(String value) {
        String trimmed = value.trim();
        if (trimmed.startsWith("jdbc:")) {
            return new DatabaseUrl(trimmed, null, null);
        }
        if (!trimmed.startsWith("postgres://") && !trimmed.startsWith("postgresql://")) {
            throw new IllegalArgumentException(
                    "DATABASE_URL must start with postgres://, postgresql:// or jdbc: (got '" + scheme(trimmed) + "')");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("DATABASE_URL is not a valid URL: " + e.getReason() + " at index "
                    + e.getIndex() + " (encode special characters in the user name and password with %XX)");
        }
        // The authority is split by hand: java.net.URI gives no host for names with '_' (as in compose files).
        String authority = uri.getRawAuthority() != null ? uri.getRawAuthority() : "";
        int at = authority.lastIndexOf('@');
        String userInfo = at >= 0 ? authority.substring(0, at) : null;
        HostAndPort server = HostAndPort.parse(authority.substring(at + 1));
        String username = null;
        String password = null;
        if (userInfo != null) {
            String[] parts = userInfo.split(":", 2);
            username = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "";
        return new DatabaseUrl("jdbc:postgresql://" + server.host() + ":" + server.port() + path + query, username,
                password);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password="
                + (password != null ? "******" : null) + "]";
    }

    /** Percent-decoding as in a URL's user info: a '+' is a plus sign there, not a space. */
    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String scheme(String value) {
        int colon = value.indexOf(':');
        return colon > 0 && colon <= 20 ? value.substring(0, colon) : "";
    }

    private record HostAndPort(String host, int port) {

        static HostAndPort parse(String value) {
            int portSeparator = value.startsWith("[") ? value.indexOf(':', value.indexOf(']')) : value.lastIndexOf(':');
            String host = portSeparator >= 0 ? value.substring(0, portSeparator) : value;
            String port = portSeparator >= 0 ? value.substring(portSeparator + 1) : "";
            if (host.isEmpty()) {
                throw new IllegalArgumentException("DATABASE_URL has no host");
            }
            if (port.isEmpty()) {
                return new HostAndPort(host, 5432);
            }
            if (!port.matches("\\d{1,5}")) {
                throw new IllegalArgumentException("DATABASE_URL has an invalid port: " + port);
            }
            return new HostAndPort(host, Integer.parseInt(port));
        }
    }
}
