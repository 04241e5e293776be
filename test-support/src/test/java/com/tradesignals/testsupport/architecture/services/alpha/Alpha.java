package com.tradesignals.testsupport.architecture.services.alpha;

import com.tradesignals.testsupport.architecture.services.beta.Beta;

public class Alpha {
    public Beta beta() {
        return null;
    }
}
