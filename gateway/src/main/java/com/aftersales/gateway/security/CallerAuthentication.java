package com.aftersales.gateway.security;

import com.aftersales.access.Caller;
import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** A verified token, read as the caller it names. The principal is the {@link Caller}. */
public class CallerAuthentication extends AbstractAuthenticationToken {

    private final Jwt token;
    private final Caller caller;

    public CallerAuthentication(Jwt token, Caller caller, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.token = token;
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.actorId();
    }
}
