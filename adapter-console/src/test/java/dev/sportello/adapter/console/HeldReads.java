package dev.sportello.adapter.console;

import dev.sportello.application.port.out.RequestRepository;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request store that, once armed, holds the next read of a caller's request until released: an
 * action caught half-way, while another arrives.
 */
final class HeldReads {
  private final AtomicBoolean armed = new AtomicBoolean();
  private final CountDownLatch held = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);

  RequestRepository around(RequestRepository real) {
    return (RequestRepository)
        Proxy.newProxyInstance(
            RequestRepository.class.getClassLoader(),
            new Class<?>[] {RequestRepository.class},
            (proxy, method, arguments) -> {
              if (method.getName().equals("findOwned") && armed.compareAndSet(true, false)) {
                held.countDown();
                if (!released.await(10, TimeUnit.SECONDS)) {
                  throw new AssertionError("the held read was never released");
                }
              }
              try {
                return method.invoke(real, arguments);
              } catch (InvocationTargetException thrown) {
                throw thrown.getCause();
              }
            });
  }

  void holdTheNextRead() {
    armed.set(true);
  }

  void awaitHeld() throws InterruptedException {
    if (!held.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("no read was held");
    }
  }

  void release() {
    released.countDown();
  }
}
