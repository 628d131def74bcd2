package org.certrevoke.backoffice.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.util.List;
import org.certrevoke.backoffice.control.FoundCertificate;
import org.certrevoke.backoffice.control.SearchResult;
import org.certrevoke.backoffice.control.StaffSearch;
import org.certrevoke.it.DemoCertificates;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Staff;
import org.certrevoke.registry.entity.CertificateState;
import org.certrevoke.registry.entity.CertificateType;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator's search across organisations, on the demo data (read only): by any part of the
 * holder's name or e-mail, the organisation, or the serial typed with separators; operators only.
 */
@ExtendWith(ArquillianExtension.class)
class CertificateLookupIT {

    private static final String YANN = "yann.lebihan@garage-taillan.example";

    @Inject
    CertificateLookup lookup;

    @Inject
    DemoCertificates demo;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(CertificateLookupIT.class, DemoCertificates.class, Staff.class, Staff.Work.class);
    }

    @Test
    void findsAHoldersCertificatesByAnyPartOfTheirNameWhateverTheAccents() throws Exception {
        SearchResult result = asOperator(new StaffSearch(null, null, "LE BIHAN", null));
        assertFalse(result.truncated());
        assertEquals(2, result.certificates().size(), result.toString());
        assertTrue(result.certificates().stream().allMatch(c -> c.email().equals(YANN)));
        assertTrue(result.certificates().stream().anyMatch(c -> c.state() == CertificateState.REVOKED));
        assertTrue(result.certificates().stream().allMatch(c -> c.caAlias().equals(DemoCertificates.CA_ALIAS)));

        List<FoundCertificate> maelle = asOperator(new StaffSearch(null, null, "maelle", null)).certificates();
        assertFalse(maelle.isEmpty(), "Maëlle found by 'maelle'");
    }

    @Test
    void combinesOrganisationAndEmailAcrossOrganisations() throws Exception {
        List<FoundCertificate> kouign = asOperator(new StaffSearch(null, "kouign", null, "boulangerie")).certificates();
        assertFalse(kouign.isEmpty());
        assertTrue(kouign.stream().allMatch(c -> c.organisation().equals("Boulangerie Kouign Aman")));
        assertTrue(asOperator(new StaffSearch(null, "kouign", null, "ORG-TAILLAN")).certificates().isEmpty(),
                "all filled fields must match");
    }

    @Test
    void findsACertificateByItsSerialTypedWithSeparators() throws Exception {
        String serial = demo.of(YANN, CertificateType.SIGNATURE).getSerial();
        String typed = String.join(":", serial.toUpperCase().split("(?<=\\G..)"));
        List<FoundCertificate> found = asOperator(new StaffSearch(typed, null, null, null)).certificates();
        assertEquals(1, found.size());
        assertEquals(serial, found.get(0).serial());
    }

    @Test
    void refusesAuditorsAndAnonymousCallers() {
        StaffSearch search = new StaffSearch(null, null, "bihan", null);
        assertThrows(EJBAccessException.class, () -> Staff.asAuditor(() -> lookup.find(search, "127.0.0.1")));
        assertThrows(EJBAccessException.class, () -> lookup.find(search, "127.0.0.1"));
    }

    @Test
    void refusesSerialsThatAreNotHexadecimal() {
        assertThrows(IllegalArgumentException.class, () -> new StaffSearch("12zz", null, null, null));
    }

    private SearchResult asOperator(StaffSearch search) throws Exception {
        return Staff.asOperator(() -> lookup.find(search, "127.0.0.1"));
    }
}
