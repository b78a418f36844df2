package com.aftersales.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.infra.tenancy.Role;
import java.util.List;
import java.util.Set;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

/** Roles travel as a list in command metadata and are read back without taking any value apart. */
@SuppressWarnings("unchecked")
class CallerTest {

    private static MetaData metaData(Object roles) {
        return MetaData.with(CallerMetaData.TENANT, "acme").and(CallerMetaData.ACTOR, "li-agent")
                .and(CallerMetaData.ACTOR_KIND, "user").and(CallerMetaData.ROLES, roles);
    }

    @Test
    void roles_travel_as_a_list_and_come_back_as_they_were() {
        Caller caller = new Caller("acme", "li-agent", "user", Set.of("AGENT", "SUPERVISOR"));
        MetaData metaData = caller.toMetaData();

        assertThat(metaData.get(CallerMetaData.ROLES)).isInstanceOf(List.class);
        assertThat((List<Object>) metaData.get(CallerMetaData.ROLES)).containsExactly("AGENT", "SUPERVISOR");
        assertThat(Caller.from(metaData)).isEqualTo(caller);
    }

    @Test
    void a_role_name_with_a_comma_is_one_value_and_grants_nothing() {
        Caller caller = Caller.from(metaData(List.of("AGENT", "X,MANAGER")));

        assertThat(caller.has(Role.AGENT)).isTrue();
        assertThat(caller.has(Role.MANAGER)).isFalse();
        assertThat(Role.anyOf(caller.roles(), Role.TICKET_READERS)).isTrue();
        assertThat(Role.anyOf(caller.roles(), Set.of(Role.SUPERVISOR, Role.MANAGER))).isFalse();
    }

    @Test
    void an_old_comma_joined_string_grants_nothing() {
        Caller caller = Caller.from(metaData("AGENT,MANAGER"));

        assertThat(caller.roles()).isEmpty();
    }

    @Test
    void no_roles_grant_nothing() {
        assertThat(Caller.from(MetaData.with(CallerMetaData.TENANT, "acme").and(CallerMetaData.ACTOR, "li-agent"))
                .roles()).isEmpty();
    }

    @Test
    void caller_metadata_keeps_the_roles_as_a_serialisable_list() {
        MetaData metaData = CallerMetaData.of("acme", "li-agent", "user", Set.of("MANAGER", "AGENT"));

        // a plain ArrayList: Axon Server's metadata converter serialises collections by class name
        assertThat(metaData.get(CallerMetaData.ROLES)).isInstanceOf(java.util.ArrayList.class);
        assertThat((List<Object>) metaData.get(CallerMetaData.ROLES)).containsExactly("AGENT", "MANAGER");
    }
}
