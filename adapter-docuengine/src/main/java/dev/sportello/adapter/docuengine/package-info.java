/**
 * The remote ports over Openapi's DocuEngine HTTP API. {@link
 * dev.sportello.adapter.docuengine.DocuEngineAdapter#create} with {@link
 * dev.sportello.adapter.docuengine.DocuEngineSettings} is the only way in; everything else is
 * package-private.
 *
 * <p>DocuEngine's wire format lives here and nowhere else: its English camelCase members, its
 * {@code field0…} keys, its request states (NEW, SEARCH, WAIT, DONE, CANCELLED) and its documents
 * as signed download URLs on a third-party host. What it shares with the other Openapi engine (the
 * answer envelope, bearer tokens, repeats of reads, the failures answers mean) comes from {@code
 * dev.sportello.adapter.openapi}; the meaning of DocuEngine's own error codes stays here.
 */
@NullMarked
package dev.sportello.adapter.docuengine;

import org.jspecify.annotations.NullMarked;
