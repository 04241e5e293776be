package com.tradesignals.testsupport.architecture.cyclic.b;

import com.tradesignals.testsupport.architecture.cyclic.a.Orders;

public class Positions {
    public Orders orders() {
        return null;
    }
}
