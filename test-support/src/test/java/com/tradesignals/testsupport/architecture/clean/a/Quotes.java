package com.tradesignals.testsupport.architecture.clean.a;

public class Quotes {
}
