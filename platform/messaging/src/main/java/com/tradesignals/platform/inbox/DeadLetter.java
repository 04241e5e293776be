package com.tradesignals.platform.inbox;

/**
 * Why a record goes to the dead-letter topic. Its message is the reason (a stable slug, in the record's
 * {@code dead-letter-reason} header); its cause, if any, the failure (in {@code dead-letter-cause} and
 * {@code dead-letter-cause-class-name}).
 */
public final class DeadLetter extends RuntimeException {

    /** Not a readable CloudEvent of a known type: bad JSON, unknown or missing fields, no id or type. */
    public static final String UNREADABLE = "unreadable";
    /** The effect refused the event for good: a validation or domain rule, data the database can never store. */
    public static final String INVALID = "invalid";
    /** The event's {@code source} or {@code type} does not belong to the topic's one producer. */
    public static final String FOREIGN_PRODUCER = "foreign-producer";

    public DeadLetter(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }

    public DeadLetter(String reason, String detail) {
        this(reason, new IllegalArgumentException(detail));
    }

    public String reason() {
        return getMessage();
    }
}
