package dev.sportello.bootstrap;

import dev.sportello.sandbox.SandboxMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** Runs the sandbox of both engines alone, with the sandbox's own options. */
@Command(
    name = "sandbox",
    description = {
      "Runs the sandbox alone until stopped: the simulator of Openapi's Visengine and DocuEngine"
          + " APIs, on one port, that `serve` embeds. Options are the sandbox's own: --port N (default 8089), --host H,"
          + " --token T, --speed X, --balance E, --control; `sportello sandbox --help` lists them."
    })
final class SandboxCommand implements Callable<Integer> {
  @Unmatched private List<String> options = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    SandboxMain.main(options.toArray(String[]::new));
    return 0;
  }
}
