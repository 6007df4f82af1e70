package vn.parindex.web;

import java.io.IOException;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.apache.catalina.Container;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own error answers (a URI it refuses, such as {@code ..%2F} or {@code %00}, a request line too long, an
 * upload over the limits) as problem documents for {@code /api} paths, in the caller's language; other paths get
 * Tomcat's page without server details, as before.
 *
 * <p>This is the one place that writes a problem document's bytes itself rather than through Spring MVC or
 * {@link ApiProblems}: Tomcat makes the valve by its class name and calls it for requests it refused before any
 * filter or servlet ran (and before the application context may exist), so no Spring bean is reachable from here.
 * The document is still a {@link ProblemDetail} serialised by Jackson (with Spring's own mix-in, as the
 * application's mapper has it), and its texts come from the same message bundles, read with {@link ResourceBundle}.
 */
public class ApiErrorReportValve extends ErrorReportValve {

    /** Jackson as Spring configures it for problem documents; the valve cannot reach the application's mapper. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

    public ApiErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !api(request)) {
            super.report(request, response, throwable);
            return;
        }
        try {
            Locale locale = LocaleConfiguration.fromAcceptLanguage(request.getHeader("Accept-Language"));
            String detailKey = switch (status) {
                case 400 -> "error.400.request";
                case 404 -> "error.404.text";
                case 405 -> "error.405.text";
                case 413 -> "error.413.body";
                case 415 -> "error.415.text";
                default -> "error.generic.text";
            };
            String titleKey = switch (status) {
                case 400 -> "error.400.title";
                case 404 -> "error.404.title";
                case 405 -> "error.405.title";
                case 413 -> "error.413.title";
                case 415 -> "error.415.title";
                default -> "error.generic.title";
            };
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status),
                    text(detailKey, locale));
            problem.setTitle(text(titleKey, locale));
            byte[] body = JSON.writeValueAsBytes(problem);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Content-Language", locale.toLanguageTag());
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | RuntimeException e) {
            // the client has gone away or the response is already on its way: nothing more to say
        }
    }

    private static boolean api(Request request) {
        String uri = null;
        try {
            uri = request.getCoyoteRequest().requestURI().toString();
        } catch (RuntimeException e) {
            // no raw URI: fall back to the decoded one
        }
        if (uri == null || uri.isEmpty()) {
            uri = request.getRequestURI();
        }
        // a request line Tomcat could not read (e.g. longer than the header limit) has no path to go by: a
        // problem document is readable by API clients and browsers alike
        return uri == null || uri.isEmpty() || uri.startsWith("/api/") || uri.equals("/api");
    }

    private static String text(String key, Locale locale) {
        try {
            return ResourceBundle.getBundle("messages", locale).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** Puts the valve in place of the error report valve Spring Boot adds to the host. */
    @Component
    static class Installer implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container parent = context.getParent();
                if (parent instanceof Host host) {
                    if (host instanceof org.apache.catalina.core.StandardHost standard) {
                        standard.setErrorReportValveClass(ApiErrorReportValve.class.getName());
                    }
                    boolean present = false;
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ApiErrorReportValve) {
                            present = true;
                        } else if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    if (!present) {
                        host.getPipeline().addValve(new ApiErrorReportValve());
                    }
                }
            });
        }

        @Override
        public int getOrder() {
            // after Spring Boot's own customizer, which adds its error report valve
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
