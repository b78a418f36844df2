package com.aftersales.infra.privacy;

import java.util.Optional;
import javax.crypto.SecretKey;

/** The data keys of tickets, as the encryption of personal fields needs them. */
public interface TicketKeys {

    /** The key that encrypts the ticket's personal data, created on first use; empty once it was shredded. */
    Optional<SecretKey> sealing(KeyScope scope);

    /** The key that opens the ticket's personal data; empty once it was shredded (or if it never existed). */
    Optional<SecretKey> opening(KeyScope scope);
}
