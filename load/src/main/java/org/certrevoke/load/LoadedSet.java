package org.certrevoke.load;

import java.util.List;

/** What a load wrote, and the credentials of a sample of it for the load tests. */
public record LoadedSet(Shape shape, int organisations, int holders, int certificates, int revoked, int expired,
                        Secrets secrets, List<Organisation> organisationList, List<HolderSample> holderSamples,
                        List<CertificateSample> certificateSamples) {

    /** An organisation, its representative's address and how many certificates it holds. */
    public record Organisation(String identifier, String name, String representativeEmail, int certificates) {
    }

    /** A holder with at least one valid certificate: what the holder's and the cancellation pages ask for. */
    public record HolderSample(String email, String idDocumentNumber, String firstName, String lastName,
                               String organisation, String validSerial, String type) {
    }

    /** A certificate of the set with its CA and state at loading, for status reads, OCSP and the API. */
    public record CertificateSample(String authority, String serial, String state) {
    }

    public String accessKey() {
        return secrets.accessKey();
    }

    public String cancellationCode() {
        return secrets.cancellationCode();
    }

    public List<String> answers() {
        return secrets.answers();
    }
}
