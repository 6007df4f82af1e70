package vn.parindex.database;

import org.aopalliance.intercept.MethodInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The session store (Spring Session JDBC) through a database outage. A session is saved when the answer starts
 * going out: a save that fails then can no longer turn the answer into a 503, and would cut the page off (the login
 * page, which a visitor's new session is made for, is the page that says the database cannot be read). So a failed
 * save is logged and the answer goes on: what is lost is the session's last-access time, or a session not yet signed
 * in (its form token: the next sign-in asks again), never data — a request that wrote has committed before its
 * answer is written, and a request that reads the database answers 503 before any of this. Reading a session still
 * fails the request (503), as every read does.
 *
 * <p>A proxy of the repository's own class (the rest of Spring Session asks for that type), around {@code save}
 * only.
 */
@Configuration(proxyBeanMethods = false)
class SessionSavesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SessionSavesConfiguration.class);

    @Bean
    static BeanPostProcessor sessionSavesSurviveOutages() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof JdbcIndexedSessionRepository)) {
                    return bean;
                }
                ProxyFactory proxy = new ProxyFactory(bean);
                proxy.setProxyTargetClass(true);
                proxy.addAdvice((MethodInterceptor) invocation -> {
                    if (!"save".equals(invocation.getMethod().getName())) {
                        return invocation.proceed();
                    }
                    try {
                        return invocation.proceed();
                    } catch (RuntimeException e) {
                        if (!DatabaseUnavailable.causedBy(e)) {
                            throw e;
                        }
                        log.warn("A session could not be saved (the database cannot be reached): {}", e.toString());
                        return null;
                    }
                });
                return proxy.getProxy(bean.getClass().getClassLoader());
            }
        };
    }
}
