package io.deribittracker.ops;

import java.security.Principal;
import java.util.Map;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import io.hawt.web.auth.RolePrincipal;
import io.hawt.web.auth.UserPrincipal;

/**
 * The JAAS login module behind Hawtio's login page (and behind Basic auth on Jolokia, which Hawtio checks again):
 * it accepts exactly the admin credentials. The {@link AdminProperties} arrive in the module options, put there by
 * {@link HawtioLoginConfiguration}, so every application context checks its own credentials.
 */
public class AdminLoginModule implements LoginModule {

    static final String ADMIN_OPTION = AdminProperties.class.getName();
    static final String ROLE = "admin";

    private Subject subject;
    private CallbackHandler callbackHandler;
    private AdminProperties admin;
    private String authenticatedUser;
    private Set<Principal> added = Set.of();

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.callbackHandler = callbackHandler;
        this.admin = (AdminProperties) options.get(ADMIN_OPTION);
    }

    @Override
    public boolean login() throws LoginException {
        if (admin == null || callbackHandler == null) {
            throw new LoginException("no admin login configured");
        }
        NameCallback name = new NameCallback("user");
        PasswordCallback password = new PasswordCallback("password", false);
        try {
            callbackHandler.handle(new Callback[] {name, password});
        } catch (UnsupportedCallbackException | java.io.IOException e) {
            throw new LoginException("user name and password required");
        }
        char[] secret = password.getPassword();
        String candidate = secret == null ? null : new String(secret);
        password.clearPassword();
        if (!admin.matches(name.getName(), candidate)) {
            throw new FailedLoginException("wrong user name or password");
        }
        authenticatedUser = name.getName();
        return true;
    }

    @Override
    public boolean commit() {
        if (authenticatedUser == null) {
            return false;
        }
        added = Set.of(new UserPrincipal(authenticatedUser), new RolePrincipal(ROLE), new AdminPrincipal(authenticatedUser));
        subject.getPrincipals().addAll(added);
        return true;
    }

    @Override
    public boolean abort() {
        return logout();
    }

    @Override
    public boolean logout() {
        if (subject != null) {
            subject.getPrincipals().removeAll(added);
        }
        added = Set.of();
        authenticatedUser = null;
        return true;
    }

    /** Marks a JAAS subject that this module authenticated; {@link HawtioSessionAuthenticationFilter} looks for it. */
    public record AdminPrincipal(String getName) implements Principal {
    }
}
