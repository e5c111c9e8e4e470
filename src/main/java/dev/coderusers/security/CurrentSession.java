package dev.coderusers.security;

import jakarta.enterprise.context.RequestScoped;

/** The {@link Session} of the current request, set by {@link SessionAuthenticationFilter}. */
@RequestScoped
public class CurrentSession {

    private Session session;

    public Session get() {
        if (session == null) {
            // Only reachable when an endpoint forgot @RequiresSession: a programming error, not a 401.
            throw new IllegalStateException("No authenticated session on this request");
        }
        return session;
    }

    public Actor actor() {
        return get().actor();
    }

    void set(Session session) {
        this.session = session;
    }
}
