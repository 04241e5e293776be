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

/** Administrators' corrections of fills. */
@Path("/api/v1/exec/admin/fills")
@RolesAllowed("admin")
public class FillBustResource {

    private final FillBustService busts;
    private final CurrentUser currentUser;

    FillBustResource(FillBustService busts, CurrentUser currentUser) {
        this.busts = busts;
        this.currentUser = currentUser;
    }

    /** Reverses an applied fill (the broker cancelled the trade): figures are recomputed and FillBusted is published. */
    @POST
    @Path("/{fill_id}/bust")
    public Uni<BustedFill> bust(@PathParam("fill_id") UUID fillId, @Valid @NotNull BustRequest request) {
        return busts.bust(fillId, request.reason().strip(), currentUser.id());
    }
}
