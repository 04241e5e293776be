package com.tradesignals.platform.paging;

import com.tradesignals.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page ended: the last row's time and id, the keyset the next page starts after. Opaque to clients (base64url of
 * {@code <epoch micros>:<uuid>}); a cursor that does not decode is a 400.
 */
public record Cursor(Instant at, UUID id) {

    public static Cursor decode(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII)
                    .split(":", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("a cursor is <epoch micros>:<uuid>");
            }
            return new Cursor(Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS),
                    UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("validation", "Invalid request", "Invalid fields: cursor");
        }
    }

    public static Cursor after(Instant at, UUID id) {
        return new Cursor(at, id);
    }

    public String encode() {
        long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L),
                at.getNano() / 1000L);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

}
