package dev.sportello.adapter.console;

import java.util.List;

/**
 * An order form as shown: one control per published field, in the published order, the extras, the
 * quote, and what the last check found.
 *
 * @param certificateId the certificate's id
 * @param name the certificate's name, the page's heading
 * @param category its category
 * @param instructions the engine's instructions for the whole form, possibly empty
 * @param searchPhase whether ordering it starts a search, in words; empty when it has none
 * @param requirement what the form needs, in words (from the requirement rule); empty when nothing
 *     is required
 * @param controls the fields' controls
 * @param extras the extras on offer
 * @param quote the price as filled in
 * @param check what the last check found
 * @param idempotencyKey the key this rendering of the form orders under, so that posting it twice
 *     orders once
 * @param filesAgain whether files chosen before must be chosen again (a form sent back with its
 *     reasons keeps what was typed, but a browser never refills a file input)
 */
record FormView(
    String certificateId,
    String name,
    String category,
    String instructions,
    String searchPhase,
    String requirement,
    List<Control> controls,
    List<ExtraChoice> extras,
    QuoteView quote,
    CheckView check,
    String idempotencyKey,
    boolean filesAgain) {

  /** The certificate's page, which opens a new form. */
  String path() {
    return Forms.path(certificateId);
  }

  String checkPath() {
    return Forms.path(certificateId) + "/check";
  }

  String orderPath() {
    return Forms.path(certificateId) + "/order";
  }

  /** The names of the file inputs, which the check as one types leaves out (htmx's hx-params). */
  String withoutFiles() {
    String files =
        String.join(",", controls.stream().filter(Control::isFile).map(Control::name).toList());
    return files.isEmpty() ? "*" : "not " + files;
  }

  /**
   * One field's control.
   *
   * @param id the control's HTML id
   * @param name the field's key, the control's name
   * @param label the field's published name, the control's label
   * @param input the HTML input type: {@code text}, {@code date} or {@code file}
   * @param value what was typed, kept when the form comes back; never a file's content
   * @param required whether every way of satisfying the rule needs it
   * @param help the field's published instructions, possibly empty
   * @param accept the file types a file input takes, for its {@code accept}; empty otherwise
   * @param messages what is wrong with its value, possibly nothing
   */
  record Control(
      String id,
      String name,
      String label,
      String input,
      String value,
      boolean required,
      String help,
      String accept,
      List<String> messages) {

    boolean isFile() {
      return input.equals("file");
    }

    String helpId() {
      return id + "-help";
    }

    String messageId() {
      return id + "-message";
    }

    /** The help (when there is any) and the message region, which is empty when all is well. */
    String describedBy() {
      return help.isEmpty() ? messageId() : helpId() + " " + messageId();
    }

    /** {@code aria-invalid}'s value. */
    String invalid() {
      return String.valueOf(!messages.isEmpty());
    }
  }

  /**
   * An extra on offer.
   *
   * @param id the checkbox's HTML id
   * @param key how the submission names it
   * @param label what it is, as published, with its price
   * @param checked whether it is chosen
   */
  record ExtraChoice(String id, String key, String label, boolean checked) {}

  /**
   * The price as filled in, each part written for the reader, from the domain's quote.
   *
   * @param document the document
   * @param search the first search round; empty when the certificate has no search phase
   * @param extras the chosen extras
   * @param vat the VAT
   * @param total what is paid
   */
  record QuoteView(String document, String search, String extras, String vat, String total) {}

  /**
   * What a check found.
   *
   * @param stillNeeded what the rule still needs, in words; empty when it is satisfied
   * @param toCorrect the fields whose values are wrong, by name, in words; empty when none is
   * @param general what is wrong beyond single fields (the extras, the rule's own defects)
   * @param valid whether the submission can be ordered as it is
   * @param checked whether any check has run (a fresh form shows no verdict)
   */
  record CheckView(
      String stillNeeded, String toCorrect, List<String> general, boolean valid, boolean checked) {}
}
