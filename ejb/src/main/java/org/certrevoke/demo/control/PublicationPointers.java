package org.certrevoke.demo.control;

import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * The URLs a relying party follows to check a demo certificate, derived from where the
 * application publishes; they must match the paths the publication endpoints serve.
 */
final class PublicationPointers {

    static final String CRL_PATH = "/crl/demo-ca.crl";
    static final String OCSP_PATH = "/ocsp";
    static final String CA_CERTIFICATE_PATH = "/ca/demo-ca.crt";

    private final String baseUrl;

    PublicationPointers(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    CRLDistPoint crlDistributionPoints() {
        DistributionPointName name = new DistributionPointName(new GeneralNames(uri(CRL_PATH)));
        return new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(name, null, null)});
    }

    AuthorityInformationAccess authorityInformationAccess() {
        return new AuthorityInformationAccess(new AccessDescription[] {
            new AccessDescription(AccessDescription.id_ad_ocsp, uri(OCSP_PATH)),
            new AccessDescription(AccessDescription.id_ad_caIssuers, uri(CA_CERTIFICATE_PATH))
        });
    }

    private GeneralName uri(String path) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, baseUrl + path);
    }
}
