package com.tradesignals.affiliate;

/** Descriptions the OpenAPI document repeats across the features' resources, written once. */
public final class ApiDescriptions {

    /** The 404 answer of every operation on the caller's own affiliate data. */
    public static final String NOT_AN_AFFILIATE = "`/problems/not-an-affiliate`: the caller has not joined the "
            + "programme (`POST /api/v1/affiliates/register`)";

    /** The path parameter of the administrators' operations on one affiliate. */
    public static final String USER_ID = "The affiliate's user id; text that is not a UUID answers 400 "
            + "`/problems/validation`";

    private ApiDescriptions() {
    }
}
