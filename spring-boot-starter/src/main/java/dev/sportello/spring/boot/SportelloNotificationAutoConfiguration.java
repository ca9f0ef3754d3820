package dev.sportello.spring.boot;

import dev.sportello.application.port.in.HandleNotificationUseCase;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The endpoint that feeds the engines' notifications to {@link HandleNotificationUseCase}, in a
 * servlet web application with Spring MVC.
 */
@AutoConfiguration(after = SportelloAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
public final class SportelloNotificationAutoConfiguration {
  /** Created by Spring. */
  public SportelloNotificationAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(HandleNotificationUseCase.class)
  NotificationEndpoint sportelloNotificationEndpoint(HandleNotificationUseCase notifications) {
    return new NotificationEndpoint(notifications);
  }
}
