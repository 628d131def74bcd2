package org.certrevoke.publication.control;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPRequest;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.Req;

/**
 * An OCSP request as the responder accepts it: DER and nothing else, so that one request has one
 * encoding. Answers to requests without nonce are kept by the request's bytes, and every BER variant
 * (indefinite lengths, an explicit default version, trailing bytes) would otherwise cost a signature and a
 * cache entry of its own. Also refused, as malformedRequest: a nonce outside 1–32 octets (RFC 8954 §2.1),
 * a critical extension the responder does not understand (RFC 6960 §4.1.2), and AcceptableResponses
 * without id-pkix-ocsp-basic, the one type every client SHALL accept (RFC 6960 §4.4.3).
 */
record OcspAsked(byte[] encoded, Req[] singles, byte[][] certIds, Extension nonce) {

    static final int LONGEST_NONCE = 32;

    /** The request extensions understood here; a critical one outside this set is refused. */
    private static final Set<ASN1ObjectIdentifier> UNDERSTOOD = Set.of(OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
            OCSPObjectIdentifiers.id_pkix_ocsp_response);

    /** Why a request is answered malformedRequest. */
    static final class Refused extends IOException {

        private static final long serialVersionUID = 1L;

        Refused(String why) {
            super(why);
        }
    }

    /** The request; {@link Refused} (or any other exception) when it is to be answered malformedRequest. */
    static OcspAsked parse(byte[] encoded) throws IOException {
        ASN1Primitive parsed = ASN1Primitive.fromByteArray(encoded);
        OCSPRequest structure = OCSPRequest.getInstance(parsed);
        if (!Arrays.equals(structure.getEncoded(ASN1Encoding.DER), encoded)) {
            throw new Refused("not DER");
        }
        ASN1Sequence tbs = ASN1Sequence.getInstance(ASN1Sequence.getInstance(parsed).getObjectAt(0));
        if (tbs.getObjectAt(0) instanceof ASN1TaggedObject tagged && tagged.getTagNo() == 0) {
            throw new Refused("explicit version");
        }
        OCSPReq request = new OCSPReq(structure);
        Req[] singles = request.getRequestList();
        if (singles.length == 0) {
            throw new Refused("no certificate asked for");
        }
        Extensions extensions = structure.getTbsRequest().getRequestExtensions();
        checkCritical(extensions, UNDERSTOOD);
        byte[][] certIds = new byte[singles.length][];
        for (int i = 0; i < singles.length; i++) {
            checkCritical(singles[i].getSingleRequestExtensions(), Set.of());
            certIds[i] = singles[i].getCertID().toASN1Primitive().getEncoded(ASN1Encoding.DER);
        }
        Extension nonce = extensions == null ? null : extensions.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce != null) {
            int length = nonceLength(nonce.getExtnValue());
            if (length < 1 || length > LONGEST_NONCE) {
                throw new Refused("nonce of " + length + " octets");
            }
        }
        Extension acceptable = extensions == null ? null
                : extensions.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_response);
        if (acceptable != null && !acceptsBasic(acceptable)) {
            throw new Refused("id-pkix-ocsp-basic not acceptable");
        }
        return new OcspAsked(encoded, singles, certIds, nonce);
    }

    int size() {
        return singles.length;
    }

    /** Without nonce and for one certificate, the answer may be given again to the same bytes. */
    boolean presignable() {
        return nonce == null && singles.length == 1;
    }

    private static void checkCritical(Extensions extensions, Set<ASN1ObjectIdentifier> understood) throws Refused {
        if (extensions == null) {
            return;
        }
        for (ASN1ObjectIdentifier oid : extensions.getCriticalExtensionOIDs()) {
            if (!understood.contains(oid)) {
                throw new Refused("critical extension " + oid + " not understood");
            }
        }
    }

    /**
     * RFC 8954: the extension's value is the DER of an OCTET STRING holding the nonce. Many clients put the
     * nonce's octets in the value directly: what is not one OCTET STRING is taken as such a nonce.
     */
    private static int nonceLength(ASN1OctetString value) {
        byte[] octets = value.getOctets();
        try {
            ASN1Primitive inner = ASN1Primitive.fromByteArray(octets);
            if (inner instanceof ASN1OctetString nonce && Arrays.equals(inner.getEncoded(ASN1Encoding.DER), octets)) {
                return nonce.getOctets().length;
            }
        } catch (IOException | RuntimeException notDer) {
            // the nonce's octets themselves
        }
        return octets.length;
    }

    private static boolean acceptsBasic(Extension acceptable) {
        ASN1Sequence types = ASN1Sequence.getInstance(acceptable.getParsedValue());
        for (int i = 0; i < types.size(); i++) {
            if (OCSPObjectIdentifiers.id_pkix_ocsp_basic.equals(ASN1ObjectIdentifier.getInstance(types.getObjectAt(i)))) {
                return true;
            }
        }
        return false;
    }
}
