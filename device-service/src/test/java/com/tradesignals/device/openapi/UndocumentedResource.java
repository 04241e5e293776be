package com.tradesignals.device.openapi;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only endpoint without OpenAPI annotations: what the coverage check must report. */
@Path("/test/undocumented")
public class UndocumentedResource {

    @GET
    public String undocumented() {
        return "undocumented";
    }
}
