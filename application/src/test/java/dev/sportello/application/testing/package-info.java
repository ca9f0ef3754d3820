/**
 * In-memory fakes of every outbound port, a wired test application, and the abstract contracts that
 * every implementation of a port must pass. Published in the module's test-jar for the adapters'
 * tests and for teams embedding the use cases.
 */
@NullMarked
package dev.sportello.application.testing;

import org.jspecify.annotations.NullMarked;
