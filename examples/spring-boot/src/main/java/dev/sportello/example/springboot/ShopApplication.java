package dev.sportello.example.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A shop that orders Italian certificates for its customers: Spring Boot with the Sportello
 * starter, which brings the use cases, the engines, the store (in the shop's own database), the
 * sync cycle and the endpoint for the engines' notifications.
 */
@SpringBootApplication
public class ShopApplication {
  /** Spring creates it. */
  public ShopApplication() {}

  /**
   * Starts the shop.
   *
   * @param args Spring Boot's command-line arguments, such as {@code --server.port=8081}
   */
  public static void main(String[] args) {
    SpringApplication.run(ShopApplication.class, args);
  }
}
