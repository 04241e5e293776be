package com.tradesignals.testsupport.architecture.clean.b;

import com.tradesignals.testsupport.architecture.clean.a.Quotes;

public class BookRepository {
    public Quotes quotes() {
        return new Quotes();
    }
}
