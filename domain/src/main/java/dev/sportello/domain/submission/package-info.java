/** Checking a submission against a certificate and pricing it. */
@NullMarked
package dev.sportello.domain.submission;

import org.jspecify.annotations.NullMarked;
