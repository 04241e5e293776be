#!/usr/bin/env python3
"""Computes dhmac-sha256-v1-query-vectors.json: DHMAC-SHA256 v1 signatures of queries with "+", "%2B",
"%20", a literal space and non-ASCII text, independently of the Java implementation (docs/device-signing.md).

The rule: each name and value is percent-decoded (a "+" is a literal plus, never a space), encoded again
per RFC 3986 as UTF-8 (unreserved A-Z a-z 0-9 - . _ ~ stay, everything else %XX in upper case), the pairs
sorted by name then value and joined with "&". A "%" that does not start two hex digits, or escaped bytes that
are not UTF-8, make the query invalid (the server refuses it).

    python3 dhmac-sha256-v1-query-vectors.py > dhmac-sha256-v1-query-vectors.json
"""
import hashlib
import hmac
import json
import re
from urllib.parse import quote, unquote

SECRET_HEX = "ce3a25e3894bd7fc66ddd6f424a2a0a8aa5c386b3ab75817bc8b39feb1ebb8e0"  # key_derivation[0]
KID = "6f1c2a8e-3b4d-4e5f-9a0b-1c2d3e4f5a6b.1"
PATH = "/api/v1/devices/poll"
QUERIES = [
    ("a + is a literal plus", "q=a+b"),
    ("%2B is the same plus", "q=a%2Bb"),
    ("%20 is a space", "q=a%20b"),
    ("a literal space (HTTP servers refuse it in a request line)", "q=a b"),
    ("non-ASCII: UTF-8, percent-encoded; lower-case hex is canonicalised to upper case",
     "symbol=%c3%a9t%C3%A9&note=%E2%82%AC+1&note=%20"),
    ("plus and space in names, sorted after encoding", "b+c=1&b%20c=2&b=3"),
]


def canonical_query(raw_query):
    pairs = []
    for pair in raw_query.split("&"):
        if not pair:
            continue
        if re.search(r"%(?![0-9A-Fa-f]{2})", pair):
            raise ValueError("a broken percent escape: " + pair)
        name, _, value = pair.partition("=")
        pairs.append((encode(unquote(name, errors="strict")), encode(unquote(value, errors="strict"))))
    return "&".join(name + "=" + value for name, value in sorted(pairs))


def encode(text):
    return quote(text, safe="-._~", encoding="utf-8")


def vector(index, description, raw_query):
    ts = 1764151300000 + index
    nonce = "cXVlcnktdmVjdG9yLTAw" + "%02d" % index
    body_sha256 = hashlib.sha256(b"").hexdigest()
    string_to_sign = "\n".join(["DHMAC-SHA256", str(ts), nonce, "GET", PATH, canonical_query(raw_query),
                                body_sha256, KID])
    signature = hmac.new(bytes.fromhex(SECRET_HEX), string_to_sign.encode("utf-8"), hashlib.sha256).hexdigest()
    return {
        "description": description,
        "secret_hex": SECRET_HEX,
        "kid": KID,
        "ts": ts,
        "nonce": nonce,
        "method": "GET",
        "path": PATH,
        "raw_query": raw_query,
        "body": "",
        "canonical_query": canonical_query(raw_query),
        "body_sha256": body_sha256,
        "string_to_sign": string_to_sign,
        "signature": signature,
        "authorization": "DHMAC-SHA256 kid=%s, ts=%d, nonce=%s, sig=%s" % (KID, ts, nonce, signature),
    }


if __name__ == "__main__":
    vectors = [vector(i, description, raw) for i, (description, raw) in enumerate(QUERIES)]
    print(json.dumps({"scheme": "DHMAC-SHA256 v1", "requests": vectors}, indent=2, ensure_ascii=False))
