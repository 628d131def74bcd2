package org.certrevoke.backoffice.web;

import org.certrevoke.backoffice.control.AmbiguousCertificateException;
import org.certrevoke.backoffice.control.ScanRefusedException;
import org.certrevoke.backoffice.entity.RequestRefusedException;
import org.certrevoke.registry.entity.CertificateState;
import org.certrevoke.registry.entity.RevocationRefusedException;
import org.certrevoke.revocation.control.UnknownCertificateException;
import org.certrevoke.web.Texts;

/** Says in the operator's language why the boundary refused; one place for the three operator pages. */
final class RequestMessages {

    private static final long MEBIBYTE = 1024 * 1024;

    private RequestMessages() {
    }

    /** Adds the message for a refusal this feature knows; false for anything else. */
    static boolean refused(RuntimeException e) {
        if (e instanceof UnknownCertificateException) {
            Texts.error("backoffice.request.unknownCertificate");
        } else if (e instanceof AmbiguousCertificateException) {
            Texts.error("backoffice.request.ambiguousCertificate");
        } else if (e instanceof RevocationRefusedException refused) {
            Texts.error(refused.getState() == CertificateState.REVOKED ? "revocation.notRevocable.REVOKED"
                    : "revocation.notRevocable.EXPIRED");
        } else if (e instanceof RequestRefusedException refused) {
            Texts.error("backoffice.request.refused." + refused.why());
        } else if (e instanceof ScanRefusedException refused) {
            Texts.error("backoffice.postal.scan." + refused.why(), refused.largest() / MEBIBYTE);
        } else {
            return false;
        }
        return true;
    }
}
