package dev.sportello.bootstrap;

import dev.sportello.sandbox.SandboxMain;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** Runs the sandbox of both engines alone, with the sandbox's own options. */
@Command(
    name = "sandbox",
    description = {
      "Runs the sandbox alone until stopped: the simulator of Openapi's Visengine and DocuEngine"
          + " APIs that `serve` embeds, and their OAuth service, all on one port with one wallet"
          + " and clock (Visengine under /visure and /richiesta, DocuEngine under /documents and"
          + " /requests, OAuth under /tokens, /scopes and /wallet). Options are the sandbox's own:"
          + " --port N (default 8089), --host H, --token T, --account EMAIL:APIKEY, --speed X,"
          + " --balance E, --control.",
      SandboxCommand.SEE_HELP
    })
final class SandboxCommand implements Callable<Integer> {
  /** The description's last paragraph, which its own help leaves out. */
  static final String SEE_HELP = "`sportello sandbox --help` lists them all.";

  @Unmatched private List<String> options = new ArrayList<>();

  @Spec
  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  private CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    if (options.contains("--help")) {
      // What the sandbox is comes first; its own help then gives the usage and its options.
      out.println(spec.commandLine().getHelp().description().replace(SEE_HELP, "").stripTrailing());
    }
    return SandboxMain.run(
        "sportello sandbox", out, spec.commandLine().getErr(), options.toArray(String[]::new));
  }
}
