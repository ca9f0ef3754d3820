/**
 * Sportello in a Spring Boot application: auto-configuration of the engines, the store, the use
 * cases, the sync scheduler and the upstream notification endpoint, each replaceable by a bean of
 * the application's own.
 */
@NullMarked
package dev.sportello.spring.boot;

import org.jspecify.annotations.NullMarked;
