package com.tradesignals.testsupport.architecture.cyclic.a;

import com.tradesignals.testsupport.architecture.cyclic.b.Positions;

public class Orders {
    public Positions positions() {
        return null;
    }
}
