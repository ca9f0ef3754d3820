/** A Spring Boot shop that orders certificates through the Sportello starter. */
@NullMarked
package dev.sportello.example.springboot;

import org.jspecify.annotations.NullMarked;
