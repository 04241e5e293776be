package com.tradesignals.execution.ledger;

import java.util.List;

/** A fill an administrator corrects, with its signal and execution locked and every fill of that execution. */
public record LockedFill(Fill fill, Signal signal, Execution execution, List<Fill> fillsOfExecution) {
}
