package org.certrevoke.enterprise.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EmailMaskTest {

    @Test
    void showsFirstLetterAndTopLevelDomainOnly() {
        assertEquals("a•••@•••.example", EmailMask.mask("anne.kerouac@garage-taillan.example"));
    }

    @Test
    void hidesAddressesItCannotRead() {
        assertEquals("•••", EmailMask.mask("no-at-sign"));
        assertEquals("x•••@•••", EmailMask.mask("x@localhost"));
    }
}
