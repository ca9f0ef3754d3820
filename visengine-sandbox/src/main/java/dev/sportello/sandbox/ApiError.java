package dev.sportello.sandbox;

/**
 * Every failure the sandbox answers with: the rows of the vendors' error catalogues (HTTP status,
 * application code, message) for Visengine and DocuEngine, plus a few sandbox-only rows for
 * situations the vendor does not document. Sandbox-only rows reuse the HTTP status as their code so
 * they can never be mistaken for a published code.
 */
enum ApiError {
  // GET /visure/{hash}
  WRONG_HASH(400, 200, "wrong hash_visura"),
  // GET /richiesta
  NO_REQUESTS(404, 203, "no request related to your account"),
  // POST /richiesta (402/211 is also what closing a draft with PUT answers when credit is short)
  INVALID_EMAIL(400, 209, "email is considered invalid!"),
  CREDIT_SHORT_ON_CLOSE(402, 211, "Insufficient Credit in Wallet: "),
  INSUFFICIENT_DATA(412, 250, "Insufficient data to validate the request: "),
  HASH_REQUIRED(428, 204, "hash_visura required"),
  // GET /richiesta/{id} (DELETE /richiesta/{id}, undocumented, borrows these two)
  INVALID_ID(400, 201, "Invalid id"),
  NOT_FOUND(404, 202, "no request matches this id: "),
  // POST /richiesta/{id}
  SEARCH_INVALID_ID(400, 219, "Invalid id"),
  CREDIT_SHORT_ON_SEARCH(402, 225, "Insufficient Credit in Wallet: "),
  SEARCH_ON_DRAFT(404, 221, "the request is in state 0, not yet finalized"),
  SEARCH_NOT_ALLOWED(409, 222, "this request does not allow the addition of a search"),
  JSON_VISURA_REQUIRED(428, 224, "json_visura required"),
  // PUT /richiesta/{id}
  ALREADY_CLOSED(400, 239, "the request has already been closed"),
  UPDATE_NOT_FOUND(404, 228, "no requests matches this id: "),
  INPUT_ERROR(412, 229, "error in the input data: "),
  UPDATE_ID_REQUIRED(428, 226, "id required"),
  // PUT /richiesta/{id}/ricerche (404/228 shared with PUT /richiesta/{id})
  NEGATIVE_INDEX(400, 234, "indice must be >= 0"),
  CREDIT_SHORT_ON_SELECTION(402, 237, "Insufficient Credit in Wallet: "),
  NOTHING_TO_CHOOSE(
      409,
      230,
      "the request does not produce results to choose from, it is processed directly with the"
          + " POST"),
  INDEX_REQUIRED(428, 233, "indice not valid or required"),
  // GET /documento/{id}
  DOCUMENT_INVALID_ID(400, 243, "Invalid id"),
  DOCUMENT_NOT_FOUND(404, 244, "no requests matches this id: "),
  DOCUMENT_NOT_READY(422, 247, "document not yet available"),
  DOCUMENT_ID_REQUIRED(428, 242, "id required"),
  // DocuEngine: POST /requests
  WRONG_DOCUMENT_ID(400, 202, "wrong documentId"),
  BILLING_REFUSED(402, 610, "Billing error message: Insufficient Credit in Wallet: "),
  SEARCH_NOT_KEY_VALUE(406, 205, "search must be a key value object"),
  DOCUMENT_UNAVAILABLE(417, 208, "document {} not available at the moment, please try again later"),
  NO_BALANCE_SHEET_YET(
      422, 320, "the company was born this year, the first balance sheet is not yet available"),
  CALLBACK_HEADERS_REQUIRED(428, 311, "object headers not set in 'callback', required"),
  // DocuEngine: GET /requests, GET /requests/{id}, GET /requests/{id}/documents
  NO_DOCUENGINE_REQUESTS(404, 221, "no requests related to your account"),
  REQUEST_NOT_FOUND(404, 223, "no request matches this id: "),
  REQUEST_ID_NOT_VALID(406, 222, "id not valid"),
  FILES_NOT_READY(422, 225, "documents not yet available"),
  // DocuEngine: PATCH /requests/{id} (402/610 shared with POST)
  NO_FIELDS_ACCEPTED(400, 300, "no fields were accepted, check the search object"),
  PATCH_ID_NOT_VALID(406, 210, "id not valid"),
  DOCUMENT_UNAVAILABLE_ON_PATCH(
      417, 316, "document {} not available at the moment, please try again later"),
  NO_RESULTS_TO_CHOOSE(
      422,
      213,
      "the request does not produce results to choose from, it is processed directly with the"
          + " POST"),
  PATCH_ID_REQUIRED(428, 209, "id required"),
  // OAuth v2: POST /tokens
  MISSING_SCOPES(422, 70, "missing scopes array"),
  INVALID_SCOPES_FORMAT(422, 80, "invalid scopes format"),
  SCOPES_NOT_ENABLED(422, 90, "Invalid scopes specified or API not enabled"),
  // OAuth v2: GET /tokens/{token}
  INVALID_TOKEN_FORMAT(422, 60, "Invalid Token Format"),
  TOKEN_NOT_FOUND(404, 120, "Not Found"),
  // OAuth v2: DELETE /tokens/{token}
  TOKEN_ID_REQUIRED(400, 170, "Token ID is required"),
  TOKEN_NOT_FOUND_ON_DELETE(404, 180, "Not Found"),
  // Sandbox-only rows.
  UNAUTHORIZED(401, 401, "unauthorized: send Authorization: Bearer <token>"),
  TOKEN_EXPIRED(401, 401, "token expired"),
  SCOPE_MISSING(403, 403, "the token lacks the scope: "),
  BASIC_UNAUTHORIZED(
      401, 401, "Unauthorized: send Authorization: Basic with the account's e-mail and API key"),
  NO_SUCH_TOKEN(404, 404, "no token minted through POST /tokens has this id"),
  TOKEN_NEVER_EXPIRES(409, 409, "a token given with --token never expires"),
  NO_SUCH_ROUTE(404, 404, "no such endpoint"),
  NOT_CANCELLABLE(409, 409, "the request has already been processed and cannot be cancelled"),
  BAD_CONTROL_CALL(400, 400, "invalid control call: "),
  INTERNAL(500, 500, "internal sandbox error");

  final int status;
  final int code;
  private final String message;

  ApiError(int status, int code, String message) {
    this.status = status;
    this.code = code;
    this.message = message;
  }

  /**
   * The vendor's messages that end in ": " are followed by a detail (an id, a balance, what is
   * missing), those with a {@code {}} take it there (a document's name); the others are fixed, and
   * a detail is added in parentheses.
   */
  String message(String detail) {
    if (message.contains("{}")) {
      return message.replace("{}", detail);
    }
    if (detail.isEmpty()) {
      return message;
    }
    return message.endsWith(": ") ? message + detail : message + " (" + detail + ")";
  }

  ApiRefusal error() {
    return new ApiRefusal(this, "");
  }

  ApiRefusal error(String detail) {
    return new ApiRefusal(this, detail);
  }
}
