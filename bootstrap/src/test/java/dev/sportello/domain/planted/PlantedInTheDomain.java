package dev.sportello.domain.planted;

import dev.sportello.application.planted.PlantedInTheApplication;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.domain.plantedcycle.PlantedInAnotherDomainPackage;
import java.io.File;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Violations planted in the domain, one per class, for the architecture rules to catch. Test
 * classes only: the real checks never import them.
 */
public final class PlantedInTheDomain {
  private PlantedInTheDomain() {}

  public static final class SeesTheApplication {
    public static String describe(StorageFailure failure) {
      return failure.message();
    }
  }

  public static final class ReadsAFile {
    public static boolean exists(String path) {
      return new File(path).exists();
    }
  }

  public static final class ReadsInstantNow {
    public static Instant now() {
      return Instant.now();
    }
  }

  public static final class ReadsTheSystemClock {
    public static Clock clock() {
      return Clock.systemUTC();
    }
  }

  public static final class ReadsTheMillisecondClock {
    public static long now() {
      return System.currentTimeMillis();
    }
  }

  public static final class ReadsZonedDateTimeNow {
    public static ZonedDateTime now() {
      return ZonedDateTime.now(ZoneOffset.UTC);
    }
  }

  public static final class DrawsASecureRandomNumber {
    public static int draw(SecureRandom random) {
      return random.nextInt();
    }
  }

  public static final class DrawsARandomId {
    public static UUID draw() {
      return UUID.randomUUID();
    }
  }

  public static final class DrawsMathRandom {
    public static double draw() {
      return Math.random();
    }
  }

  /** Public, with a field that changes. */
  public static final class MutableValue {
    private int count;

    public void increment() {
      count++;
    }

    public int count() {
      return count;
    }
  }

  public static final class CallsAnotherDomainPackage {
    public static int back() {
      return PlantedInAnotherDomainPackage.CallsBack.value();
    }

    public static int value() {
      return 1;
    }
  }

  public static final class CallsTheApplication {
    public static int back() {
      return PlantedInTheApplication.CallsTheDomain.value();
    }

    public static int value() {
      return 1;
    }
  }

  public static final class PrintsToStandardOut {
    public static void print(String line) {
      System.out.println(line);
    }
  }

  public static final class PrintsFromItsMain {
    public static void main(String[] args) {
      System.err.println(args.length);
    }
  }

  public static final class ThrowsAGenericException {
    public static void fail() {
      throw new RuntimeException("generic");
    }
  }

  public static final class LogsThroughJavaUtilLogging {
    private static final Logger LOG = Logger.getLogger("planted");

    public static void log(String line) {
      LOG.info(line);
    }
  }

  @SuppressWarnings("JavaUtilDate") // the old date type is the planted violation
  public static final class UsesAnOldDate {
    public static long millis(Date date) {
      return date.getTime();
    }
  }
}
