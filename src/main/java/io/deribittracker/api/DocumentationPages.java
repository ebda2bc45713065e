package io.deribittracker.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code /docs} (Swagger UI) and {@code /redoc} (ReDoc) are static pages under {@code static/docs} and
 * {@code static/redoc}, rendering the spec at {@code /api-doc} with scripts from the webjars; these two forwards
 * give them their short addresses.
 */
@Configuration(proxyBeanMethods = false)
public class DocumentationPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/docs").setViewName("forward:/docs/index.html");
        registry.addViewController("/redoc").setViewName("forward:/redoc/index.html");
    }
}
