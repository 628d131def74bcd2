package org.certrevoke.publication.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.certrevoke.demo.control.DemoPki;
import org.junit.jupiter.api.Test;

class RevokedRowsTest {

    @Test
    void readsStoredSerialsAsBigIntegerEncodesThem() {
        String[] serials = {"0", "00", "1", "7f", "80", "ff", "100", "0080", "00ff01", "7fe1d2c3b4a5968778695a4b3c2d1e0f",
            "ffe1d2c3b4a5968778695a4b3c2d1e0f", "ABCDEF0123"};
        for (String serial : serials) {
            assertArrayEquals(new BigInteger(serial, 16).toByteArray(), RevokedRows.serial(serial), serial);
        }
        Random random = new Random(6960);
        for (int i = 0; i < 10_000; i++) {
            String serial = new BigInteger(1 + random.nextInt(160), random).toString(16);
            assertArrayEquals(new BigInteger(serial, 16).toByteArray(), RevokedRows.serial(serial), serial);
        }
    }

    @Test
    void refusesASerialThatIsNotHexadecimal() {
        assertThrows(NumberFormatException.class, () -> RevokedRows.serial("12g4"));
    }

    @Test
    void readsNegativeSerialsWithTheirSign() {
        for (String serial : new String[] {"-1", "-80", "-7f", "-ff01", "-0"}) {
            assertArrayEquals(new BigInteger(serial, 16).toByteArray(), RevokedRows.serial(serial), serial);
        }
    }

    @Test
    void rowsThatCannotBeEntriesAreHandedBackAndTheOthersListed() throws Exception {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        DemoPki ca = DemoPki.createCa("CN=Rows CA,O=certrevoke,C=FR", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        CaKeys keys = new CaKeys("rows-ca", 1, ca.certificate(), ca.privateKey(), Duration.ofDays(30));
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:revoked-rows;DB_CLOSE_DELAY=-1")) {
            try (Statement schema = connection.createStatement()) {
                schema.execute("CREATE TABLE certificate (id BIGINT PRIMARY KEY, authority_id BIGINT NOT NULL, serial VARCHAR(64)"
                        + " NOT NULL, revoked BOOLEAN NOT NULL, revoked_at TIMESTAMP WITH TIME ZONE, crl_reason VARCHAR(30),"
                        + " invalidity_date TIMESTAMP WITH TIME ZONE)");
            }
            Object[][] rows = {
                {1, "1a2b", "KEY_COMPROMISE"}, {2, "-1a2b", "SUPERSEDED"}, {3, "0", "UNSPECIFIED"}, {4, "zz", "KEY_COMPROMISE"},
                {5, "", "KEY_COMPROMISE"}, {6, " 12", "KEY_COMPROMISE"}, {7, "-", "KEY_COMPROMISE"}, {8, "33", "NOT_A_REASON"},
                {9, "44", null}, {10, "55", "KEY_COMPROMISE"}, {11, "66", "KEY_COMPROMISE"}
            };
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO certificate VALUES (?, 1, ?, TRUE, ?, ?, ?)")) {
                for (Object[] row : rows) {
                    insert.setInt(1, (Integer) row[0]);
                    insert.setString(2, (String) row[1]);
                    insert.setTimestamp(3, (Integer) row[0] == 10 ? null : Timestamp.from(now));
                    insert.setString(4, (String) row[2]);
                    insert.setTimestamp(5, (Integer) row[0] == 1 ? Timestamp.from(now.minus(Duration.ofDays(1))) : null);
                    insert.executeUpdate();
                }
            }
            CrlWriter writer = new CrlWriter(keys.certificate(), keys.authorityKeyIdentifier());
            List<SkippedRow> skipped = new ArrayList<>();
            assertEquals(rows.length, RevokedRows.writeTo(connection, 1, writer, skipped::add));
            assertEquals(List.of(4L, 5L, 6L, 7L, 8L, 9L, 10L), skipped.stream().map(SkippedRow::certificateId).toList());
            assertEquals(4, writer.count());

            X509CRL crl = (X509CRL) java.security.cert.CertificateFactory.getInstance("X.509").generateCRL(
                    new java.io.ByteArrayInputStream(writer.sign(keys.caSigner(), 1, now, now.plus(Duration.ofDays(1)))));
            crl.verify(ca.certificate().getPublicKey());
            for (String listed : new String[] {"1a2b", "-1a2b", "0", "66"}) {
                assertNotNull(crl.getRevokedCertificate(new BigInteger(listed, 16)), listed);
            }
            assertNull(crl.getRevokedCertificate(new BigInteger("33", 16)));
            assertNotNull(crl.getRevokedCertificate(new BigInteger("1a2b", 16)).getExtensionValue("2.5.29.24"));
            assertNull(crl.getRevokedCertificate(new BigInteger("66", 16)).getExtensionValue("2.5.29.24"));
            assertEquals(4, crl.getRevokedCertificates().size());
        }
    }
}
