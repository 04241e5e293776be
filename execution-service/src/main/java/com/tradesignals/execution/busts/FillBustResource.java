package com.tradesignals.execution.busts;

import com.tradesignals.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Administrators' corrections of fills. */
@Path("/api/v1/exec/admin/fills")
@RolesAllowed("admin")
@Tag(name = "Fill administration", description = "Administrators review held, flagged and quarantined fills and "
        + "bust applied ones (docs/execution-service.md)")
@SecurityRequirement(name = "bearer-jwt", scopes = "admin")
public class FillBustResource {

    private final FillBustService busts;
    private final CurrentUser currentUser;

    FillBustResource(FillBustService busts, CurrentUser currentUser) {
        this.busts = busts;
        this.currentUser = currentUser;
    }

    @POST
    @Path("/{fill_id}/bust")
    @Operation(summary = "Bust a fill", description = "Reverses an applied fill (the broker cancelled the trade): "
            + "the execution's figures are recomputed without it and FillBusted is published, so commissions on it are "
            + "clawed back. Role `admin`.")
    @APIResponse(responseCode = "200", description = "The busted fill and its execution's figures now",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BustedFill.class)))
    @APIResponse(responseCode = "409", description = "`/problems/fill-not-bustable`: only an applied fill can be "
            + "busted (this one is busted already, quarantined or flagged)")
    public Uni<BustedFill> bust(@Parameter(description = "The fill's id; text that is not a UUID answers 400 "
            + "`/problems/validation`") @PathParam("fill_id") UUID fillId, @Valid @NotNull BustRequest request) {
        return busts.bust(fillId, request.reason().strip(), currentUser.id());
    }
}
