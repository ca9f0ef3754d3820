/**
 * The use cases, built from outbound ports by {@link dev.sportello.application.service.UseCases}.
 */
@NullMarked
package dev.sportello.application.service;

import org.jspecify.annotations.NullMarked;
