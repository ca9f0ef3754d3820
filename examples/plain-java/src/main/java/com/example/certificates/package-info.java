/** A team's program that orders certificates through Sportello, embedded without a container. */
@NullMarked
package com.example.certificates;

import org.jspecify.annotations.NullMarked;
