package org.certrevoke.registry.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Collectors;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.OtherName;

/**
 * Turns the subjectAltName extension into one line an operator can read and search, because
 * holders are found by their e-mail address far more often than by their DN.
 */
final class SubjectAlternativeNames {

    private SubjectAlternativeNames() {
    }

    static String describe(Extensions extensions) {
        GeneralNames names = GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
        if (names == null) {
            return "";
        }
        return Arrays.stream(names.getNames())
                .map(SubjectAlternativeNames::describe)
                .collect(Collectors.joining(", "));
    }

    private static String describe(GeneralName name) {
        return switch (name.getTagNo()) {
            case GeneralName.rfc822Name -> "email:" + name.getName();
            case GeneralName.dNSName -> "dns:" + name.getName();
            case GeneralName.uniformResourceIdentifier -> "uri:" + name.getName();
            case GeneralName.otherName -> "other:" + OtherName.getInstance(name.getName()).getTypeID().getId();
            case GeneralName.iPAddress -> "other:" + ipAddress(ASN1OctetString.getInstance(name.getName()).getOctets());
            case GeneralName.directoryName -> "other:" + X500Name.getInstance(name.getName());
            case GeneralName.registeredID -> "other:" + ASN1ObjectIdentifier.getInstance(name.getName()).getId();
            default -> "other:" + name.getName();
        };
    }

    private static String ipAddress(byte[] octets) {
        try {
            return InetAddress.getByAddress(octets).getHostAddress();
        } catch (UnknownHostException wrongLength) {
            return HexFormat.of().formatHex(octets);
        }
    }
}
