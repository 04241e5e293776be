package com.tradesignals.testsupport.architecture.services.beta;

public class Beta {
}
