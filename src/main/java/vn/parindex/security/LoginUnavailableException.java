package vn.parindex.security;

import org.springframework.security.authentication.InternalAuthenticationServiceException;

/** The accounts could not be read (the database is unreachable): the password was not checked at all. */
public class LoginUnavailableException extends InternalAuthenticationServiceException {

    LoginUnavailableException(Throwable cause) {
        super("The account database is unavailable", cause);
    }
}
