package com.tradesignals.affiliate.paging;

import com.tradesignals.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a newest-first page ended: the last row's time and id. Opaque to clients (base64url of
 * {@code <epoch micros>:<uuid>}); a cursor that does not decode is a 400.
 */
public record Cursor(Instant createdAt, UUID id) {

    public static Cursor decode(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII).split(":");
            long micros = Long.parseLong(parts[0]);
            return new Cursor(Instant.EPOCH.plusNanos(Math.multiplyExact(micros, 1000L)), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("validation", "Invalid request", "Invalid fields: cursor");
        }
    }

    public static Cursor after(Instant createdAt, UUID id) {
        return new Cursor(createdAt, id);
    }

    public String encode() {
        long micros = Math.addExact(Math.multiplyExact(createdAt.getEpochSecond(), 1_000_000L),
                createdAt.getNano() / 1000L);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

}
