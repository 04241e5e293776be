package com.tradesignals.device.timeline;

import com.tradesignals.platform.paging.Cursor;
import com.tradesignals.platform.problem.QueryParameters;
import com.tradesignals.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** Delivery timelines of the caller's devices (docs/device-service.md, "Delivery timeline"). */
@Path("/api/v1/devices")
@RolesAllowed("user")
@Tag(name = "Devices")
@SecurityRequirement(name = "bearer-jwt", scopes = "user")
public class DeliveryTimelineResource {

    private final DeliveryTimelineService timeline;
    private final CurrentUser currentUser;

    DeliveryTimelineResource(DeliveryTimelineService timeline, CurrentUser currentUser) {
        this.timeline = timeline;
        this.currentUser = currentUser;
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "List a device's deliveries", description = "The device's deliveries, newest first, each "
            + "with when it was created, first handed to the terminal and acknowledged, and its state. Role `user`; "
            + "another user's device answers 404.")
    @APIResponse(responseCode = "200", description = "One page of deliveries",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeliveryPage.class)))
    @APIResponse(responseCode = "400", description = "`/problems/validation`: a parameter is invalid, named in the "
            + "detail (`to` must be after `from`)")
    public Uni<DeliveryPage> ofDevice(
            @Parameter(description = "The device's id; text that is not a UUID answers 400 `/problems/validation`")
            @PathParam("id") UUID id,
            @Parameter(description = "Only deliveries created at or after this instant (ISO-8601)") @RestQuery String from,
            @Parameter(description = "Only deliveries created before this instant (ISO-8601)") @RestQuery String to,
            @Parameter(description = "Only deliveries in this state", schema = @Schema(enumeration = { "waiting",
                    "handed", "acknowledged", "expired", "cancelled" })) @RestQuery String state,
            @Parameter(description = "The `next_cursor` of the previous page") @RestQuery String cursor,
            @Parameter(description = "Page size") @RestQuery @DefaultValue("50") @Min(1) @Max(200) int limit) {
        Instant fromInstant = QueryParameters.instant("from", from);
        Instant toInstant = QueryParameters.instant("to", to);
        QueryParameters.requirePeriod(fromInstant, toInstant);
        return timeline.ofDevice(currentUser.id(), id, fromInstant, toInstant,
                        QueryParameters.enumValue(DeliveryState.class, "state", state), Cursor.decode(cursor), limit)
                .map(page -> new DeliveryPage(page.items(), page.nextCursor()));
    }

    @GET
    @Path("/signals/{signal_id}/deliveries")
    @Operation(summary = "List a signal's deliveries", description = "Every delivery of the signal to the caller's "
            + "devices (its open and any modify, cancel or close, per device), with their timelines. Role `user`; a "
            + "signal of another user answers 404.")
    @APIResponse(responseCode = "200", description = "The signal's deliveries",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = SignalDeliveries.class)))
    public Uni<SignalDeliveries> ofSignal(@Parameter(description = "The signal's id; text that is not a UUID answers "
            + "400 `/problems/validation`") @PathParam("signal_id") UUID signalId) {
        return timeline.ofSignal(currentUser.id(), signalId);
    }

    @Schema(description = "One page of a device's deliveries, newest first", requiredProperties = "items")
    public record DeliveryPage(@Schema(description = "This page's deliveries") List<DeliveryEntry> items,
            @Schema(description = "Pass as `cursor` to fetch the following page; null on the last page",
                    nullable = true) String nextCursor) {
    }
}
