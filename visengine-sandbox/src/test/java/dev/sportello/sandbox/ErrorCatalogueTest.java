package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.sandbox.SandboxHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of the error catalogue (visengine-api.md §6): HTTP status, code and message. */
class ErrorCatalogueTest {

  private static final SandboxHttp API = SandboxHttp.start();

  @AfterAll
  static void stop() {
    API.close();
  }

  @ParameterizedTest(name = "{0} {1} -> {2}/{3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          GET    | /visure/{hash_visura}        | 400 | 200 | wrong hash_visura
          GET    | /richiesta                   | 404 | 203 | no request related to your account
          POST   | /richiesta                   | 400 | 209 | email is considered invalid!
          POST   | /richiesta                   | 402 | 211 | 'Insufficient Credit in Wallet: 1.00'
          POST   | /richiesta                   | 412 | 250 | 'Insufficient data to validate the request: required $1'
          POST   | /richiesta                   | 428 | 204 | hash_visura required
          GET    | /richiesta/{_id}             | 400 | 201 | Invalid id
          GET    | /richiesta/{_id}             | 404 | 202 | 'no request matches this id: 0123456789abcdef01234567'
          POST   | /richiesta/{_id}             | 400 | 219 | Invalid id
          POST   | /richiesta/{_id}             | 402 | 225 | 'Insufficient Credit in Wallet: 0.10'
          POST   | /richiesta/{_id}             | 404 | 221 | the request is in state 0, not yet finalized
          POST   | /richiesta/{_id}             | 409 | 222 | this request does not allow the addition of a search
          POST   | /richiesta/{_id}             | 412 | 250 | 'Insufficient data to validate the request: required $0'
          POST   | /richiesta/{_id}             | 428 | 224 | json_visura required
          PUT    | /richiesta/{_id}             | 400 | 239 | the request has already been closed
          PUT    | /richiesta/{_id}             | 404 | 228 | 'no requests matches this id: 0123456789abcdef01234567'
          PUT    | /richiesta/{_id}             | 412 | 229 | 'error in the input data: required $0, $1'
          PUT    | /richiesta/{_id}             | 428 | 226 | id required
          PUT    | /richiesta/{_id}/ricerche    | 400 | 234 | indice must be >= 0
          PUT    | /richiesta/{_id}/ricerche    | 402 | 237 | 'Insufficient Credit in Wallet: 0.00'
          PUT    | /richiesta/{_id}/ricerche    | 404 | 228 | 'no requests matches this id: 0123456789abcdef01234567'
          PUT    | /richiesta/{_id}/ricerche    | 409 | 230 | the request does not produce results to choose from, it is processed directly with the POST
          PUT    | /richiesta/{_id}/ricerche    | 428 | 233 | indice not valid or required
          GET    | /documento/{_id}             | 400 | 243 | Invalid id
          GET    | /documento/{_id}             | 404 | 244 | 'no requests matches this id: 0123456789abcdef01234567'
          GET    | /documento/{_id}             | 422 | 247 | document not yet available
          GET    | /documento/{_id}             | 428 | 242 | id required
          """)
  void answersTheDocumentedError(String method, String path, int status, int code, String message) {
    Response response =
        ErrorScenarios.forKey(method + " " + path + " " + status).orElseThrow().apply(API);

    assertThat(response.status()).as(response.raw()).isEqualTo(status);
    assertThat(response.json().path("success").asBoolean()).isFalse();
    assertThat(response.json().path("data").isNull()).isTrue();
    assertThat(response.error()).isEqualTo(code);
    assertThat(response.message()).startsWith(message);
  }
}
