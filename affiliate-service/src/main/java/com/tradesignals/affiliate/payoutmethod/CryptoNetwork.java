package com.tradesignals.affiliate.payoutmethod;

import java.util.regex.Pattern;

/**
 * The networks a crypto payout can go to, each with the shape of its addresses. The shape catches typos and
 * addresses of another network; checksums (base58check, bech32, EIP-55) are the payments provider's to verify.
 */
public enum CryptoNetwork {

    /** Legacy and P2SH (base58, starting 1 or 3) or SegWit / Taproot (bech32, {@code bc1...}, lower case). */
    BITCOIN("[13][1-9A-HJ-NP-Za-km-z]{25,34}|bc1[02-9ac-hj-np-z]{11,71}"),
    /** 20 bytes in hex after {@code 0x}, any case (EIP-55 mixed case is a checksum, not checked here). */
    ETHEREUM("0x[0-9a-fA-F]{40}"),
    /** Base58, 34 characters, starting with T. */
    TRON("T[1-9A-HJ-NP-Za-km-z]{33}"),
    /** A 32-byte public key in base58: 32 to 44 characters. */
    SOLANA("[1-9A-HJ-NP-Za-km-z]{32,44}");

    private final Pattern address;

    CryptoNetwork(String address) {
        this.address = Pattern.compile(address);
    }

    public boolean isAddress(String candidate) {
        return candidate != null && address.matcher(candidate).matches();
    }
}
