package org.certrevoke.enterprise.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import java.util.List;
import org.certrevoke.enterprise.control.CertificateDetail;
import org.certrevoke.enterprise.control.CertificateFilter;
import org.certrevoke.enterprise.control.CertificateRow;
import org.certrevoke.enterprise.control.SortField;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.EnterpriseFixtures;
import org.certrevoke.it.Fixtures;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.CertificateState;
import org.certrevoke.registry.entity.Requester;
import org.certrevoke.registry.entity.RevocationReason;
import org.certrevoke.registry.entity.RevocationRefusedException;
import org.certrevoke.revocation.control.RevocationReceipt;
import org.certrevoke.revocation.control.UnknownCertificateException;
import org.certrevoke.security.control.LockedOutException;
import org.certrevoke.security.control.ThrottlePolicies;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Search, detail and revocation by a logged-in representative, inside the server. Two organisations
 * of the test's own hold holders of the same names, so that any leak across organisations shows as
 * an extra row; every method is tried with the other organisation's serial and must answer as for a
 * serial that does not exist.
 */
@ExtendWith(ArquillianExtension.class)
class EnterpriseCertificatesIT {

    private static final CertificateFilter EVERYTHING = new CertificateFilter(null, null, null);
    private static final String NO_SUCH_SERIAL = "7fffffffffffffffffff";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(EnterpriseCertificatesIT.class, EnterpriseFixtures.class, Fixtures.class);
    }

    @Inject
    EnterpriseCertificates certificates;

    @Inject
    EnterpriseFixtures organisations;

    @Inject
    Fixtures fixtures;

    @Inject
    ThrottlePolicies policies;

    @Test
    void partialFieldsMatchWhateverCaseAndAccents() {
        EnterpriseFixtures.Org org = organisations.organisation();
        organisations.organisation();

        assertEquals(List.of("Maëlle Kerhervé"), names(org, new CertificateFilter(null, "KERHERVE", null)));
        assertEquals(List.of("Éric Le Dû"), names(org, new CertificateFilter(null, "eric le du", null)));
        assertEquals(List.of("Maëlle Kerhervé"), names(org, new CertificateFilter("MAELLE.", null, null)));
        assertEquals(List.of("Anaïs Quéré"), names(org, new CertificateFilter(null, null, CertificateState.REVOKED)));
        assertEquals(List.of("Éric Le Dû", "Maëlle Kerhervé"),
                names(org, new CertificateFilter(null, "e", CertificateState.VALID)));
        assertEquals(List.of(), names(org, new CertificateFilter("anais", null, CertificateState.VALID)),
                "all filled fields must match");
        assertEquals(List.of(), names(org, new CertificateFilter(null, "%", null)), "wildcards are typed text");
    }

    @Test
    void pagesAndSortsInTheDatabase() {
        EnterpriseFixtures.Org org = organisations.organisation();

        long total = certificates.count(org.representativeId(), EVERYTHING, address());
        List<CertificateRow> first = certificates.page(org.representativeId(), EVERYTHING, 0, 2, SortField.NAME, true);
        List<CertificateRow> second = certificates.page(org.representativeId(), EVERYTHING, 2, 2, SortField.NAME, true);
        List<CertificateRow> byNameDescending = certificates.page(org.representativeId(), EVERYTHING, 0, 10,
                SortField.NAME, false);

        assertEquals(3, total);
        assertEquals(List.of("Anaïs Quéré", "Éric Le Dû"), first.stream().map(CertificateRow::holderName).toList());
        assertEquals(List.of("Maëlle Kerhervé"), second.stream().map(CertificateRow::holderName).toList());
        assertEquals(List.of("Maëlle Kerhervé", "Éric Le Dû", "Anaïs Quéré"),
                byNameDescending.stream().map(CertificateRow::holderName).toList());
        assertEquals(CertificateState.REVOKED, first.get(0).state());
    }

    @Test
    void searchesBeyondTheAddressBudgetAreRefusedAndChangeNothing() {
        EnterpriseFixtures.Org org = organisations.organisation();
        String address = address();
        int limit = policies.enterpriseSearchesPerAddress().limit();

        for (int search = 1; search <= limit; search++) {
            assertEquals(3, certificates.count(org.representativeId(), EVERYTHING, address), "search " + search);
        }
        LockedOutException refused = assertThrows(LockedOutException.class,
                () -> certificates.count(org.representativeId(), EVERYTHING, address));

        assertEquals(LockedOutException.Why.RATE_LIMIT, refused.why());
        List<String> events = fixtures.auditEventsFrom(address);
        assertEquals(limit, events.stream().filter("ENTERPRISE_SEARCH"::equals).count(), "the refused search is not made");
        assertEquals("RATE_LIMITED", events.get(events.size() - 1));
        assertEquals(3, certificates.count(org.representativeId(), EVERYTHING, address()), "other addresses still search");
    }

    @Test
    void detailShowsHolderAndCertificate() {
        EnterpriseFixtures.Org org = organisations.organisation();

        CertificateDetail detail = certificates.detail(org.representativeId(), org.serials().get(0), address());

        assertEquals("Maëlle", detail.firstName());
        assertEquals("Kerhervé", detail.lastName());
        assertEquals("Siège", detail.establishment());
        assertEquals("Essais", detail.service());
        assertEquals("Testeur", detail.function());
        assertEquals(org.serials().get(0), detail.serial());
        assertTrue(detail.subjectDn().contains("Maëlle Kerhervé"), detail.subjectDn());
        assertTrue(detail.subjectAlternativeNames().contains("@example.test"), detail.subjectAlternativeNames());
        assertTrue(detail.revocable());
    }

    @Test
    void representativeRevokesAndHolderAndRepresentativeAreMailed() {
        EnterpriseFixtures.Org org = organisations.organisation();
        String serial = org.serials().get(1);
        String address = address();

        RevocationReceipt receipt = certificates.revoke(org.representativeId(), serial,
                RevocationReason.DEPARTURE_OR_TRANSFER, false, address);

        assertEquals(serial, receipt.serial());
        Certificate stored = fixtures.certificate(certificateId(org, serial));
        assertTrue(stored.isRevoked());
        assertEquals(Requester.Kind.LEGAL_REPRESENTATIVE, stored.getRequester().getKind());
        assertEquals("Katell Représentante", stored.getRequester().getName());
        assertEquals(1, fixtures.mailsTo(org.representativeEmail()).size(), "mail to the representative");
        assertEquals(1, fixtures.mailsTo(stored.getHolder().getEmail()).size(), "mail to the holder");
        assertEquals(List.of("REVOCATION"), fixtures.auditEventsAbout(serial));
        RevocationRefusedException twice = assertThrows(RevocationRefusedException.class,
                () -> certificates.revoke(org.representativeId(), serial, RevocationReason.KEY_COMPROMISE, false, address));
        assertEquals(CertificateState.REVOKED, twice.getState());
    }

    @Test
    void reasonsOfTheCaAloneAreRefused() {
        EnterpriseFixtures.Org org = organisations.organisation();

        EJBException refused = assertThrows(EJBException.class, () -> certificates.revoke(org.representativeId(),
                org.serials().get(0), RevocationReason.NON_PAYMENT, false, address()));

        assertInstanceOf(IllegalArgumentException.class, refused.getCause());
        assertFalse(fixtures.certificate(certificateId(org, org.serials().get(0))).isRevoked());
    }

    @Test
    void anotherOrganisationsCertificateIsAnsweredLikeOneThatDoesNotExist() {
        EnterpriseFixtures.Org mine = organisations.organisation();
        EnterpriseFixtures.Org theirs = organisations.organisation();
        String theirSerial = theirs.serials().get(0);

        UnknownCertificateException unknownDetail = assertThrows(UnknownCertificateException.class,
                () -> certificates.detail(mine.representativeId(), NO_SUCH_SERIAL, address()));
        UnknownCertificateException theirDetail = assertThrows(UnknownCertificateException.class,
                () -> certificates.detail(mine.representativeId(), theirSerial, address()));
        UnknownCertificateException unknownRevoke = assertThrows(UnknownCertificateException.class,
                () -> certificates.revoke(mine.representativeId(), NO_SUCH_SERIAL, RevocationReason.KEY_COMPROMISE, false, address()));
        UnknownCertificateException theirRevoke = assertThrows(UnknownCertificateException.class,
                () -> certificates.revoke(mine.representativeId(), theirSerial, RevocationReason.KEY_COMPROMISE, false, address()));
        UnknownCertificateException theirRevokeWithForbiddenReason = assertThrows(UnknownCertificateException.class,
                () -> certificates.revoke(mine.representativeId(), theirSerial, RevocationReason.NON_PAYMENT, false, address()));

        assertEquals(unknownDetail.getMessage(), theirDetail.getMessage());
        assertEquals(unknownRevoke.getMessage(), theirRevoke.getMessage());
        assertEquals(unknownRevoke.getMessage(), theirRevokeWithForbiddenReason.getMessage());
        assertFalse(fixtures.certificate(certificateId(theirs, theirSerial)).isRevoked());
        assertEquals(List.of(), fixtures.auditEventsAbout(theirSerial), "nothing was recorded about their certificate");
        assertEquals(3, certificates.count(mine.representativeId(), EVERYTHING, address()));
        List<CertificateRow> everything = certificates.page(mine.representativeId(), EVERYTHING, 0, 100, SortField.SERIAL,
                true);
        assertEquals(mine.serials().stream().sorted().toList(), everything.stream().map(CertificateRow::serial).toList());
    }

    private List<String> names(EnterpriseFixtures.Org org, CertificateFilter filter) {
        List<String> names = certificates.page(org.representativeId(), filter, 0, 10, SortField.EMAIL, true)
                .stream().map(CertificateRow::holderName).toList();
        assertEquals(names.size(), certificates.count(org.representativeId(), filter, address()), "count and rows agree");
        return names;
    }

    private long certificateId(EnterpriseFixtures.Org org, String serial) {
        return organisations.certificateId(org, serial);
    }

    private static String address() {
        return Fixtures.freshClientAddress();
    }
}
