/**
 * The certificate request aggregate and its lifecycle: {@link
 * dev.sportello.domain.request.CertificateRequest} holds a sealed {@link
 * dev.sportello.domain.request.RequestState} that cannot express a combination the lifecycle never
 * produces, and every transition is one of its methods, answering a {@link
 * dev.sportello.domain.request.LifecycleError} when it is not allowed.
 */
@NullMarked
package dev.sportello.domain.request;

import org.jspecify.annotations.NullMarked;
