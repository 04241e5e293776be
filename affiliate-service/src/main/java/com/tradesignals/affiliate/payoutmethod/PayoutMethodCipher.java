package com.tradesignals.affiliate.payoutmethod;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.platform.security.KeyMaterial;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts payout methods with AES-256-GCM (the JDK's provider): a fresh random 96-bit nonce per write, a
 * 128-bit tag, and the owner's user id and the kind as associated data. Keys are checked at startup, so a
 * missing or malformed key stops the service instead of the first payout.
 */
@Startup
@ApplicationScoped
public class PayoutMethodCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    private final ObjectMapper json;
    private final String currentKeyId;
    private final Map<String, SecretKey> keys = new HashMap<>();
    private final SecureRandom random = new SecureRandom();

    PayoutMethodCipher(PayoutMethodConfig config, ObjectMapper json) {
        this.json = json;
        this.currentKeyId = config.encryptionKeyId();
        for (String previous : config.previousKeys().orElse(List.of())) {
            int colon = previous.indexOf(':');
            if (colon < 0) {
                throw new IllegalStateException("affiliates.payout-methods.previous-keys holds an entry that is not "
                        + "<key id>:<key>");
            }
            String id = checkedId(previous.substring(0, colon).strip());
            keys.put(id, aesKey(previous.substring(colon + 1), "affiliates.payout-methods.previous-keys (key " + id + ")"));
        }
        if (keys.containsKey(checkedId(currentKeyId))) {
            throw new IllegalStateException("affiliates.payout-methods.encryption-key-id " + currentKeyId
                    + " is also a previous key's id: give a new key a new id");
        }
        keys.put(currentKeyId, aesKey(config.encryptionKey(), "affiliates.payout-methods.encryption-key"));
    }

    /** Encrypts {@code details} for {@code owner} with the current key. */
    public SealedPayoutMethod seal(UUID owner, PayoutMethodDetails details) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] plaintext = null;
        try {
            plaintext = json.writerFor(PayoutMethodDetails.class).writeValueAsBytes(details);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), nonce, owner, details.kind());
            return new SealedPayoutMethod(details.kind(), details.masked(), currentKeyId, nonce, cipher.doFinal(plaintext));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a payout method", e);
        } finally {
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    /**
     * Decrypts what {@link #seal} wrote for {@code owner}.
     *
     * @throws PayoutMethodUnreadable when the key is not configured or the data does not authenticate
     */
    public PayoutMethodDetails open(UUID owner, SealedPayoutMethod sealed) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new PayoutMethodUnreadable("key " + sealed.keyId() + " is not configured (add it to "
                    + "affiliates.payout-methods.previous-keys as " + sealed.keyId() + ":<key>)");
        }
        byte[] plaintext = null;
        try {
            plaintext = cipher(Cipher.DECRYPT_MODE, key, sealed.nonce(), owner, sealed.kind())
                    .doFinal(sealed.ciphertext());
            PayoutMethodDetails details = json.readValue(plaintext, PayoutMethodDetails.class);
            if (details.kind() != sealed.kind()) {
                throw new PayoutMethodUnreadable("its kind differs from the encrypted one");
            }
            return details;
        } catch (GeneralSecurityException e) {
            throw new PayoutMethodUnreadable("it does not authenticate under key " + sealed.keyId());
        } catch (IOException e) {
            throw new PayoutMethodUnreadable("its decrypted form is not a payout method");
        } finally {
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, UUID owner, PayoutMethodKind kind)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(("payout-method:v1:" + owner + ":" + kind).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static String checkedId(String id) {
        if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalStateException("a payout-method key id must be 1 to 32 of A-Z a-z 0-9 . _ -, is '"
                    + id + "'");
        }
        return id;
    }

    private static SecretKey aesKey(String text, String property) {
        try {
            return new SecretKeySpec(KeyMaterial.decode256(text, property), "AES");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A stored payout method that cannot be decrypted; the message never holds any of its content. */
    public static class PayoutMethodUnreadable extends IllegalStateException {

        PayoutMethodUnreadable(String why) {
            super("payout method unreadable: " + why);
        }
    }
}
