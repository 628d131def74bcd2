package org.certrevoke.load;

/**
 * How large a data set is and how it is spread. Shares are of all certificates; the largest
 * organisation holds at least {@code largestOrganisation} certificates (the enterprise search's worst case),
 * the others share the rest unevenly, a few large ones and a long tail of small ones, as a CA's customers do.
 *
 * @param prefix upper-case letters and digits that every organisation identifier, e-mail domain and
 *               identity-document number of the set starts with, so that sets loaded side by side never collide
 */
public record Shape(int certificates, int holders, int organisations, double revokedShare, double expiredShare,
                    int largestOrganisation, String prefix, long seed, int samples) {

    public static final Shape DEFAULT = new Shape(1_000_000, 200_000, 20_000, 0.05, 0.03, 100_000, "LOAD", 15, 10_000);

    public Shape {
        if (holders < 1 || organisations < 1 || certificates < holders || holders < organisations) {
            throw new IllegalArgumentException("need certificates >= holders >= organisations >= 1");
        }
        if (revokedShare < 0 || expiredShare < 0 || revokedShare + expiredShare > 1) {
            throw new IllegalArgumentException("revoked and expired shares must be between 0 and 1 together");
        }
        if (prefix == null || !prefix.matches("[A-Z][A-Z0-9]{0,15}")) {
            throw new IllegalArgumentException("prefix: 1 to 16 capital letters and digits, a letter first");
        }
        largestOrganisation = Math.min(largestOrganisation, certificates);
    }

    /** The same spread at another size: holders and organisations in the default proportions. */
    public static Shape ofCertificates(int certificates, String prefix) {
        int holders = Math.max(1, certificates / 5);
        return new Shape(certificates, holders, Math.max(1, holders / 10), DEFAULT.revokedShare, DEFAULT.expiredShare,
                Math.min(DEFAULT.largestOrganisation, certificates / 10), prefix, DEFAULT.seed, DEFAULT.samples);
    }
}
