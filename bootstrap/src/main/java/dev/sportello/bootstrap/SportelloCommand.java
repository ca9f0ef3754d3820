package dev.sportello.bootstrap;

import picocli.CommandLine.Command;

/** The {@code sportello} command; each task is a subcommand. */
@Command(
    name = "sportello",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    description = "Sportello: requesting Italian official documents through Openapi's Visengine.",
    subcommands = ValidateCommand.class)
final class SportelloCommand {}
