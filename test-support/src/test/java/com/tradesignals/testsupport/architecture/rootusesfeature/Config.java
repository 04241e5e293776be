package com.tradesignals.testsupport.architecture.rootusesfeature;

import com.tradesignals.testsupport.architecture.rootusesfeature.a.Feature;

public class Config {
    public Feature feature() {
        return null;
    }
}
