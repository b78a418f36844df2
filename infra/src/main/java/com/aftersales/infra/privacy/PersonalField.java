package com.aftersales.infra.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text component of an event, command or aggregate state that holds personal data (SPEC §8,
 * issue 13): customer and contact names, phone numbers, emails, addresses, ID numbers, attachment
 * links, free text written by or about the customer. The event store writes it encrypted under the
 * key of its ticket ({@link PersonalDataModule}); it reads back as the text while the key exists and
 * as {@link #ERASED} once the key is shredded. Only {@code String} components may carry it.
 * <p>
 * On a record component the annotation reaches the field, the accessor and the constructor
 * parameter, which is where Jackson looks.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface PersonalField {

    /**
     * What an encrypted field reads as once its key is destroyed: a fixed text rather than null, so
     * that every view and response shows the value as erased (never as "not given"), and so that
     * no projection meets a null it does not expect. {@link PersonalData#mask} leaves it as it is.
     */
    String ERASED = "[erased]";
}
