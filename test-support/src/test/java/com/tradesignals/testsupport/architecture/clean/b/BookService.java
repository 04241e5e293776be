package com.tradesignals.testsupport.architecture.clean.b;

public class BookService {
    private final BookRepository books = new BookRepository();

    public Object book() {
        return books.quotes();
    }
}
