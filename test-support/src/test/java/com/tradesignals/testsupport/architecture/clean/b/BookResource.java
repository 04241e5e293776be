package com.tradesignals.testsupport.architecture.clean.b;

import jakarta.ws.rs.Path;

@Path("/books")
public class BookResource {
    private final BookService service = new BookService();

    public Object book() {
        return service.book();
    }
}
