/**
 * The command-line adapter: the {@code catalog} and {@code request} commands, which talk to a
 * running service over its REST API and print its answers for people. {@link
 * dev.sportello.adapter.cli.CliAdapter} hands the commands to the program's picocli root,
 * configured by {@link dev.sportello.adapter.cli.CliSettings}.
 */
@NullMarked
package dev.sportello.adapter.cli;

import org.jspecify.annotations.NullMarked;
