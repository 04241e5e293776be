package com.tradesignals.contracts.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A component of an event that may be null, or absent in the JSON. Every other component is always present and
 * never null. The event's JSON Schema (schemas/events) lists the others as {@code required} and lets this one be
 * {@code null}; EventSchemasTest holds the two together.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Nullable {
}
