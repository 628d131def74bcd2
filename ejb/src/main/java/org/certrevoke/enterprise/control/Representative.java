package org.certrevoke.enterprise.control;

import org.certrevoke.registry.entity.LegalRepresentative;

/** Who is logging in or logged in, as the pages may show it: the e-mail address only masked. */
public record Representative(long id, String fullName, String maskedEmail, String organisationName)
        implements java.io.Serializable {

    public static Representative of(LegalRepresentative representative) {
        return new Representative(representative.getId(), representative.getName().full(),
                EmailMask.mask(representative.getEmail()), representative.getOrganisation().getName());
    }
}
