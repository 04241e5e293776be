package com.tradesignals.contracts.signing;

/**
 * The parts of an HTTP request that a v1 signature covers.
 *
 * @param method     HTTP method, upper case ({@code GET}, {@code POST})
 * @param path       the request path exactly as sent, without the query ({@code /api/v1/devices/poll})
 * @param rawQuery   the query string as sent, without {@code ?}; empty or {@code null} for none
 * @param bodySha256 lower-case hex SHA-256 of the body bytes (of the empty string for no body)
 */
public record SignedRequest(String method, String path, String rawQuery, String bodySha256) {
}
