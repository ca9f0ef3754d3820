package dev.sportello.bootstrap.reliability;

import java.net.URI;

/** Where a sandbox listens and the token its API and control API take. */
record SandboxAccess(URI baseUrl, String token) {}
