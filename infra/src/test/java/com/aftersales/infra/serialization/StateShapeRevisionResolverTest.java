package com.aftersales.infra.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/** A snapshot's revision changes exactly when the shape of the aggregate's state changes. */
class StateShapeRevisionResolverTest {

    enum Level { LOW, HIGH }

    enum LevelWithMore { LOW, HIGH, URGENT }

    record Part(String name) {
    }

    record PartWithMore(String name, int count) {
    }

    @AggregateRoot
    static class Base {
        String id;
        boolean open;
    }

    @AggregateRoot
    static class SameShape {
        boolean open;
        String id;
    }

    @AggregateRoot
    static class FieldAdded {
        String id;
        boolean open;
        String assignee;
    }

    @AggregateRoot
    static class TypeChanged {
        String id;
        Boolean open;
    }

    @AggregateRoot
    static class WithLevels {
        Set<Level> levels;
    }

    @AggregateRoot
    static class WithMoreLevels {
        Set<LevelWithMore> levels;
    }

    @AggregateRoot
    static class WithParts {
        List<Part> parts;
    }

    @AggregateRoot
    static class WithRicherParts {
        List<PartWithMore> parts;
    }

    abstract static class State {
        String id;
    }

    @AggregateRoot
    static class Inherited extends State {
        boolean open;
    }

    @Revision("7")
    record SomethingHappened(String id) {
    }

    private final StateShapeRevisionResolver resolver = new StateShapeRevisionResolver();

    @Test
    void the_same_fields_give_the_same_revision_whatever_their_order() {
        assertThat(resolver.revisionOf(Base.class)).startsWith("state-").isEqualTo(resolver.revisionOf(SameShape.class));
    }

    @Test
    void an_added_field_or_a_changed_type_gives_another_revision() {
        assertThat(resolver.revisionOf(FieldAdded.class)).isNotEqualTo(resolver.revisionOf(Base.class));
        assertThat(resolver.revisionOf(TypeChanged.class)).isNotEqualTo(resolver.revisionOf(Base.class));
    }

    @Test
    void changes_inside_the_projects_own_types_count_too() {
        assertThat(resolver.revisionOf(WithLevels.class)).isNotEqualTo(resolver.revisionOf(WithMoreLevels.class));
        assertThat(resolver.revisionOf(WithParts.class)).isNotEqualTo(resolver.revisionOf(WithRicherParts.class));
    }

    @Test
    void fields_of_a_superclass_are_part_of_the_state() {
        assertThat(resolver.revisionOf(Inherited.class)).isEqualTo(resolver.revisionOf(SameShape.class));
    }

    @Test
    void events_keep_their_annotated_revision() {
        assertThat(resolver.revisionOf(SomethingHappened.class)).isEqualTo("7");
        assertThat(resolver.revisionOf(String.class)).isNull();
    }
}
