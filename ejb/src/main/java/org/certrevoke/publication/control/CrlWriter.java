package org.certrevoke.publication.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentSigner;

/**
 * Writes a full v2 CRL (RFC 5280 §5) entry by entry into one buffer and signs it once.
 * <p>
 * Bouncy Castle's {@code X509v2CRLBuilder} keeps an object tree per entry and needs seconds and
 * hundreds of megabytes for a million entries; the entries here are DER-encoded by hand as they come
 * (serial, time, and one of a few constant reason extensions), the same bytes the builder would produce
 * (a test compares them), so a large CRL costs little more than its size.
 * <p>
 * Expired certificates stay on the CRL once revoked; the ExpiredCertsOnCRL extension (2.5.29.60, ETSI EN
 * 319 411-2) says so, from the CA certificate's notBefore on: every certificate the CA ever issued.
 */
public final class CrlWriter {

    private static final int INTEGER = 0x02;
    private static final int UTC_TIME = 0x17;
    private static final int GENERALIZED_TIME = 0x18;
    private static final byte[][] REASONS = reasons();
    /** The invalidity date of an entry that has none. */
    static final long NO_INVALIDITY_DATE = Long.MIN_VALUE;

    private final X509CertificateHolder ca;
    private final byte[] authorityKeyIdentifier;
    private final ByteArrayOutputStream entries = new ByteArrayOutputStream(1 << 16);
    private final byte[] timeBuffer = new byte[32];
    private long count;

    /** @param authorityKeyIdentifier the encoded AuthorityKeyIdentifier extension value naming the CA's key */
    public CrlWriter(X509CertificateHolder ca, byte[] authorityKeyIdentifier) {
        this.ca = ca;
        this.authorityKeyIdentifier = authorityKeyIdentifier.clone();
    }

    public CrlWriter add(CrlEntry entry) {
        return add(entry.serial().toByteArray(), entry.revokedAt().getEpochSecond(), entry.reasonCode(),
                entry.invalidityDate() == null ? NO_INVALIDITY_DATE : entry.invalidityDate().getEpochSecond());
    }

    /**
     * The same entry as {@link #add(CrlEntry)}, from the serial's two's-complement bytes (as
     * {@link BigInteger#toByteArray()}), the revocation's and the invalidity date's whole seconds since the
     * epoch ({@link #NO_INVALIDITY_DATE} for none): what a database row gives without building a BigInteger
     * and an Instant per entry.
     */
    CrlWriter add(byte[] serial, long revokedEpochSecond, int reasonCode, long invalidityEpochSecond) {
        byte[] reason = invalidityEpochSecond == NO_INVALIDITY_DATE ? REASONS[reasonCode]
                : Der.encode(entryExtensions(reasonCode, invalidityEpochSecond));
        int timeLength = time(revokedEpochSecond, timeBuffer);
        int length = 2 + serial.length + timeLength + reason.length;
        if (serial.length > 120 || length > 127) {
            write(entries, slowEntry(new BigInteger(serial), Instant.ofEpochSecond(revokedEpochSecond), reason));
        } else {
            entries.write(Der.SEQUENCE);
            entries.write(length);
            entries.write(INTEGER);
            entries.write(serial.length);
            entries.write(serial, 0, serial.length);
            entries.write(timeBuffer, 0, timeLength);
            entries.write(reason, 0, reason.length);
        }
        count++;
        return this;
    }

    /**
     * RFC 5280 §4.1.2.5: UTCTime (YYMMDDHHMMSSZ) up to 2049, GeneralizedTime (YYYYMMDDHHMMSSZ) from 2050,
     * whole seconds, as Bouncy Castle's {@code Time} encodes them. Returns the encoded length.
     */
    private static int time(long epochSecond, byte[] out) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        int year = utc.getYear();
        if (year < 1950 || year > 9999) {
            byte[] encoded = Der.encode(new Time(new Date(epochSecond * 1000)));
            System.arraycopy(encoded, 0, out, 0, encoded.length);
            return encoded.length;
        }
        boolean utcTime = year < 2050;
        int i = 0;
        out[i++] = (byte) (utcTime ? UTC_TIME : GENERALIZED_TIME);
        out[i++] = (byte) (utcTime ? 13 : 15);
        if (!utcTime) {
            i = digits(out, i, year / 100);
        }
        i = digits(out, i, year % 100);
        i = digits(out, i, utc.getMonthValue());
        i = digits(out, i, utc.getDayOfMonth());
        i = digits(out, i, utc.getHour());
        i = digits(out, i, utc.getMinute());
        i = digits(out, i, utc.getSecond());
        out[i++] = 'Z';
        return i;
    }

    private static int digits(byte[] out, int at, int value) {
        out[at] = (byte) ('0' + value / 10);
        out[at + 1] = (byte) ('0' + value % 10);
        return at + 2;
    }

    private static ASN1Encodable slowEntry(BigInteger serial, Instant revokedAt, byte[] extensions) {
        ASN1Integer number = new ASN1Integer(serial);
        Time revoked = new Time(Date.from(revokedAt));
        return extensions.length == 0
                ? new DERSequence(new ASN1Encodable[] {number, revoked})
                : new DERSequence(new ASN1Encodable[] {number, revoked, Extensions.getInstance(extensions)});
    }

    /** The reason code (when not unspecified) and the invalidity date (RFC 5280 §5.3.2, GeneralizedTime). */
    private static Extensions entryExtensions(int reasonCode, long invalidityEpochSecond) {
        Extension invalidity = new Extension(Extension.invalidityDate, false,
                Der.encode(new ASN1GeneralizedTime(new Date(invalidityEpochSecond * 1000))));
        return new Extensions(reasonCode == 0 ? new Extension[] {invalidity}
                : new Extension[] {reason(reasonCode), invalidity});
    }

    /** The encoded crlEntryExtensions for each reason code: none for 0 (unspecified). */
    private static byte[][] reasons() {
        byte[][] reasons = new byte[11][];
        reasons[0] = new byte[0];
        for (int code = 1; code < reasons.length; code++) {
            reasons[code] = Der.encode(new Extensions(reason(code)));
        }
        return reasons;
    }

    public long count() {
        return count;
    }

    /** The signed CRL in DER. */
    public byte[] sign(ContentSigner signer, long crlNumber, Instant thisUpdate, Instant nextUpdate) {
        try {
            byte[] prefix = concat(
                    Der.encode(new ASN1Integer(1)),
                    Der.encode(signer.getAlgorithmIdentifier()),
                    Der.encode(ca.getSubject()),
                    Der.encode(new Time(Date.from(thisUpdate))),
                    Der.encode(new Time(Date.from(nextUpdate))));
            byte[] entriesHeader = count == 0 ? new byte[0] : Der.header(Der.SEQUENCE, entries.size());
            byte[] extensions = Der.encode(new DERTaggedObject(true, 0, new Extensions(new Extension[] {
                new Extension(Extension.authorityKeyIdentifier, false, authorityKeyIdentifier),
                new Extension(Extension.cRLNumber, false, Der.encode(new CRLNumber(BigInteger.valueOf(crlNumber)))),
                new Extension(Extension.expiredCertsOnCRL, false, Der.encode(new ASN1GeneralizedTime(ca.getNotBefore())))
            })));
            long tbsLength = (long) prefix.length + entriesHeader.length + (count == 0 ? 0 : entries.size())
                    + extensions.length;
            byte[] tbsHeader = Der.header(Der.SEQUENCE, tbsLength);

            OutputStream toSign = signer.getOutputStream();
            toSign.write(tbsHeader);
            toSign.write(prefix);
            toSign.write(entriesHeader);
            if (count > 0) {
                entries.writeTo(toSign);
            }
            toSign.write(extensions);
            toSign.close();
            byte[] algorithm = Der.encode(signer.getAlgorithmIdentifier());
            byte[] signature = Der.encode(new DERBitString(signer.getSignature()));

            long total = tbsHeader.length + tbsLength + algorithm.length + signature.length;
            byte[] outerHeader = Der.header(Der.SEQUENCE, total);
            ByteArrayOutputStream crl = new ByteArrayOutputStream(Math.toIntExact(outerHeader.length + total));
            crl.write(outerHeader);
            crl.write(tbsHeader);
            crl.write(prefix);
            crl.write(entriesHeader);
            if (count > 0) {
                entries.writeTo(crl);
            }
            crl.write(extensions);
            crl.write(algorithm);
            crl.write(signature);
            return crl.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Extension reason(int code) {
        return new Extension(Extension.reasonCode, false, Der.encode(CRLReason.lookup(code)));
    }

    private static void write(ByteArrayOutputStream out, ASN1Encodable value) {
        byte[] encoded = Der.encode(value);
        out.write(encoded, 0, encoded.length);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part, 0, part.length);
        }
        return out.toByteArray();
    }
}
