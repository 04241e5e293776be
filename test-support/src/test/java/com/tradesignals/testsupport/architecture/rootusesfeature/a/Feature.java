package com.tradesignals.testsupport.architecture.rootusesfeature.a;

public class Feature {
}
