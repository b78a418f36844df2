package com.aftersales.gateway.security;

import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no real issuer is configured: only then may the development issuer start. */
class NoIssuersConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Binder.get(context.getEnvironment())
                .bind("aftersales.security.issuers", Bindable.listOf(SecurityProperties.Issuer.class))
                .map(List::isEmpty)
                .orElse(true);
    }
}
