package com.tradesignals.testsupport.architecture.shortcut.orders;

public class OrderRepository {
}
