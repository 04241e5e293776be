package com.tradesignals.testsupport.architecture.shortcut.orders;

import jakarta.ws.rs.Path;

@Path("/orders")
public class OrderResource {
    private final OrderRepository orders = new OrderRepository();

    public Object orders() {
        return orders;
    }
}
