package org.certrevoke.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.certrevoke.registry.entity.Holder;
import org.certrevoke.registry.entity.RevocationReason;
import org.certrevoke.security.control.LookupHasher;
import org.certrevoke.security.control.SecretHasher;

/**
 * Writes a data set of a given {@link Shape} into a database the application has migrated, in the rows
 * and forms the application itself writes when the registration authority registers the same people:
 * lookup and search columns computed by the entities' and hashers' own code, the ID-number lookup under
 * the configured key, Argon2id hashes of real secrets. Certificates belong to the CAs already registered
 * (their keys sign the CRLs and OCSP answers about them); their DER is a placeholder, since no page or
 * endpoint reads a registered certificate's DER, only the columns parsed from it. Ids are taken from the
 * application's own sequence, moved past them first, so a running server never hands out one of them.
 */
public final class DataLoader {

    /** An empty DER SEQUENCE: what the certificate column holds for every loaded certificate. */
    static final byte[] PLACEHOLDER_DER = {0x30, 0x00};

    private static final Duration DAY = Duration.ofDays(1);
    private static final RevocationReason[] REASONS = {RevocationReason.HOLDER_REQUEST, RevocationReason.HOLDER_REQUEST,
        RevocationReason.HOLDER_REQUEST, RevocationReason.CERTIFICATE_REPLACEMENT, RevocationReason.CERTIFICATE_REPLACEMENT,
        RevocationReason.DEPARTURE_OR_TRANSFER, RevocationReason.DEPARTURE_OR_TRANSFER, RevocationReason.KEY_COMPROMISE,
        RevocationReason.PASSWORD_LOST, RevocationReason.NON_PAYMENT};

    private final Connection connection;
    private final LookupHasher lookups;
    private final SecretHasher hasher;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    public DataLoader(Connection connection, byte[] lookupKey) {
        this.connection = connection;
        this.lookups = new LookupHasher(lookupKey);
        this.hasher = new SecretHasher();
    }

    private record Authority(long id, String alias, String subjectDn) {
    }

    private record Org(long id, String identifier, String name, String domain) {
    }

    private static final class HolderRow {
        long id;
        int organisation;
        int certificates;
        String first;
        String last;
        String email;
        String idNumber;
    }

    /** Loads the set; certificates go round-robin to the CAs named, or to every registered CA if none is. */
    public LoadedSet load(Shape shape, List<String> authorityAliases) throws SQLException {
        List<Authority> authorities = authorities(authorityAliases);
        SplittableRandom random = new SplittableRandom(shape.seed());
        Secrets secrets = Secrets.hashed(hasher);
        List<HolderRow> holders = holders(shape, random);
        int[] orgCertificates = new int[shape.organisations()];
        holders.forEach(holder -> orgCertificates[holder.organisation] += holder.certificates);

        long next = reserveIds(shape.organisations() * 2L + shape.holders() + shape.certificates());
        List<Org> orgs = new ArrayList<>(shape.organisations());
        List<LoadedSet.Organisation> organisationList = new ArrayList<>(shape.organisations());
        try (Rows organisations = Rows.into(connection, "organisation", "id", "identifier", "name")) {
            for (int i = 0; i < shape.organisations(); i++) {
                String identifier = String.format(Locale.ROOT, "%s-%06d", shape.prefix(), i + 1);
                String name = People.pick(People.TRADES, random) + " " + People.pick(People.LAST, random);
                Org org = new Org(next++, identifier, name, identifier.toLowerCase(Locale.ROOT) + ".example");
                organisations.add(org.id, org.identifier, org.name);
                orgs.add(org);
            }
        }
        try (Rows representatives = Rows.into(connection, "legal_representative", "id", "organisation_id",
                "first_name", "last_name", "email", "access_key_hash")) {
            for (int i = 0; i < orgs.size(); i++) {
                Org org = orgs.get(i);
                String first = People.pick(People.FIRST, random);
                String last = People.pick(People.LAST, random);
                String email = People.local(first) + "." + People.local(last) + "@" + org.domain;
                representatives.add(next++, org.id, first, last, email, secrets.accessKeyHash());
                organisationList.add(new LoadedSet.Organisation(org.identifier, org.name, email, orgCertificates[i]));
            }
        }
        try (Rows holderRows = Rows.into(connection, "holder", "id", "organisation_id", "first_name", "last_name",
                "email", "email_lookup", "id_document_lookup", "establishment", "service", "job_function",
                "search_name", "search_email")) {
            for (HolderRow holder : holders) {
                holder.id = next++;
                holderRows.add(holder.id, orgs.get(holder.organisation).id, holder.first, holder.last, holder.email,
                        Holder.emailLookup(holder.email), lookups.idDocument(holder.idNumber),
                        People.pick(People.ESTABLISHMENTS, random), People.pick(People.SERVICES, random),
                        People.pick(People.FUNCTIONS, random), Holder.searchForm(holder.first + " " + holder.last),
                        Holder.searchForm(holder.email));
            }
        }
        try (Rows questions = Rows.into(connection, "personal_question", "holder_id", "position", "question",
                "answer_hash")) {
            for (HolderRow holder : holders) {
                for (int position = 0; position < secrets.questions().size(); position++) {
                    questions.add(holder.id, position, secrets.questions().get(position),
                            secrets.answerHashes().get(position));
                }
            }
        }

        int sampleEvery = Math.max(1, shape.holders() / Math.max(1, shape.samples()));
        int certificateSampleEvery = Math.max(1, shape.certificates() / Math.max(1, shape.samples()));
        byte[] serialPrefix = serialPrefix(shape);
        List<LoadedSet.HolderSample> holderSamples = new ArrayList<>();
        List<LoadedSet.CertificateSample> certificateSamples = new ArrayList<>();
        int index = 0;
        int revoked = 0;
        int expired = 0;
        try (Rows certificates = Rows.into(connection, "certificate", "id", "authority_id", "holder_id",
                "certificate_type", "serial", "issuer_dn", "subject_dn", "subject_alt_names", "not_before",
                "not_after", "der", "cancellation_code_hash", "revoked", "revoked_at", "revocation_reason",
                "crl_reason", "requester_kind", "requester_name", "version", "organisation_id",
                "holder_search_name", "holder_search_email")) {
            for (int h = 0; h < holders.size(); h++) {
                HolderRow holder = holders.get(h);
                Org org = orgs.get(holder.organisation);
                String fullName = holder.first + " " + holder.last;
                String validSerial = null;
                String validType = null;
                for (int c = 0; c < holder.certificates; c++, index++) {
                    Authority authority = authorities.get(index % authorities.size());
                    String serial = serial(serialPrefix, index);
                    String type = random.nextInt(10) < 6 ? "SIGNATURE" : "AUTHENTICATION";
                    int years = random.nextInt(10) < 8 ? 1 + random.nextInt(2) : 3;
                    Duration validity = Duration.ofDays(365L * years);
                    double draw = random.nextDouble();
                    boolean isExpired = draw < shape.expiredShare();
                    boolean isRevoked = !isExpired && draw < shape.expiredShare() + shape.revokedShare();
                    Instant notBefore;
                    if (isExpired) {
                        notBefore = now.minus(validity).minus(days(random, 1, 700));
                    } else {
                        notBefore = now.minus(days(random, 1, validity.toDays() - 1));
                    }
                    Instant notAfter = notBefore.plus(validity);
                    Instant revokedAt = null;
                    RevocationReason reason = null;
                    String requesterKind = null;
                    String requesterName = null;
                    if (isRevoked) {
                        revoked++;
                        long since = Math.max(1, Duration.between(notBefore, now).toSeconds());
                        revokedAt = notBefore.plusSeconds(random.nextLong(since));
                        reason = REASONS[random.nextInt(REASONS.length)];
                        requesterKind = reason == RevocationReason.NON_PAYMENT ? "OPERATOR"
                                : reason == RevocationReason.DEPARTURE_OR_TRANSFER ? "LEGAL_REPRESENTATIVE" : "HOLDER";
                        requesterName = reason == RevocationReason.NON_PAYMENT ? "operateur" : fullName;
                    } else if (isExpired) {
                        expired++;
                    } else if (validSerial == null) {
                        validSerial = serial;
                        validType = type;
                    }
                    String subject = "C=FR,O=" + org.name + ",CN=" + fullName;
                    certificates.add(next++, authority.id, holder.id, type, serial, authority.subjectDn, subject,
                            "email:" + holder.email, notBefore, notAfter, PLACEHOLDER_DER,
                            isRevoked || isExpired ? null : secrets.cancellationCodeHash(), isRevoked, revokedAt,
                            reason == null ? null : reason.name(),
                            reason == null ? null : reason.crlReason(false).name(), requesterKind, requesterName,
                            0L, org.id, Holder.searchForm(fullName), Holder.searchForm(holder.email));
                    if (index % certificateSampleEvery == 0 && certificateSamples.size() < shape.samples()) {
                        certificateSamples.add(new LoadedSet.CertificateSample(authority.alias, serial,
                                isRevoked ? "REVOKED" : isExpired ? "EXPIRED" : "VALID"));
                    }
                }
                if (validSerial != null && h % sampleEvery == 0 && holderSamples.size() < shape.samples()) {
                    holderSamples.add(new LoadedSet.HolderSample(holder.email, holder.idNumber, holder.first,
                            holder.last, org.identifier, validSerial, validType));
                }
            }
        }
        analyse();
        return new LoadedSet(shape, orgs.size(), holders.size(), index, revoked, expired, secrets, organisationList,
                holderSamples, certificateSamples);
    }

    /**
     * Holders spread over the organisations: the first holds {@link Shape#largestOrganisation()}
     * certificates, each other organisation at least one holder, the rest of the holders mostly in the
     * first organisations of the list (a few large customers, a long tail of small ones). Each holder has
     * between one and twice the average number of certificates.
     */
    private static List<HolderRow> holders(Shape shape, SplittableRandom random) {
        int[] counts = certificateCounts(shape, random);
        List<HolderRow> holders = new ArrayList<>(shape.holders());
        int inLargest = 0;
        int h = 0;
        while (h < shape.holders() && inLargest < shape.largestOrganisation()
                && shape.holders() - h > shape.organisations() - 1) {
            inLargest += counts[h];
            holders.add(holder(shape, h, 0, counts[h], random));
            h++;
        }
        int firstOther = h;
        for (; h < shape.holders(); h++) {
            int others = shape.organisations() - 1;
            int organisation;
            if (others == 0) {
                organisation = 0;
            } else if (h - firstOther < others) {
                organisation = 1 + h - firstOther;
            } else {
                double u = random.nextDouble();
                organisation = 1 + (int) (others * u * u);
            }
            holders.add(holder(shape, h, organisation, counts[h], random));
        }
        return holders;
    }

    private static int[] certificateCounts(Shape shape, SplittableRandom random) {
        int average = shape.certificates() / shape.holders();
        int[] counts = new int[shape.holders()];
        long total = 0;
        for (int h = 0; h < counts.length; h++) {
            counts[h] = 1 + random.nextInt(Math.max(1, 2 * average - 1));
            total += counts[h];
        }
        while (total != shape.certificates()) {
            int h = random.nextInt(counts.length);
            if (total > shape.certificates() && counts[h] > 1) {
                counts[h]--;
                total--;
            } else if (total < shape.certificates()) {
                counts[h]++;
                total++;
            }
        }
        return counts;
    }

    private static HolderRow holder(Shape shape, int number, int organisation, int certificates,
                                    SplittableRandom random) {
        HolderRow holder = new HolderRow();
        holder.organisation = organisation;
        holder.certificates = certificates;
        holder.first = People.pick(People.FIRST, random);
        holder.last = People.pick(People.LAST, random);
        String prefix = shape.prefix().toLowerCase(Locale.ROOT);
        holder.email = String.format(Locale.ROOT, "%s.%s.%d@%s-%06d.example", People.local(holder.first),
                People.local(holder.last), number + 1, prefix, organisation + 1);
        holder.idNumber = String.format(Locale.ROOT, "%s-%08d", shape.prefix(), number + 1);
        return holder;
    }

    private static Duration days(SplittableRandom random, long min, long max) {
        return DAY.multipliedBy(min + random.nextLong(Math.max(1, max - min))).plusSeconds(random.nextInt(86_400));
    }

    /** Serials of 16 octets, positive: 8 from the set's prefix and seed, 8 counting, as the API reads them (hex). */
    private static byte[] serialPrefix(Shape shape) {
        long mixed = mix(shape.prefix().hashCode() * 0x9E3779B97F4A7C15L + shape.seed());
        byte[] prefix = new byte[8];
        for (int i = 0; i < 8; i++) {
            prefix[i] = (byte) (mixed >>> (56 - 8 * i));
        }
        prefix[0] = (byte) (0x10 | (prefix[0] & 0x6f));
        return prefix;
    }

    private static String serial(byte[] prefix, int index) {
        StringBuilder serial = new StringBuilder(32);
        for (byte b : prefix) {
            serial.append(String.format(Locale.ROOT, "%02x", b));
        }
        return serial.append(String.format(Locale.ROOT, "%016x", mix(index))).toString();
    }

    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private List<Authority> authorities(List<String> aliases) throws SQLException {
        List<Authority> found = new ArrayList<>();
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT id, alias, subject_dn FROM certificate_authority ORDER BY id")) {
            while (rows.next()) {
                if (aliases.isEmpty() || aliases.contains(rows.getString(2))) {
                    found.add(new Authority(rows.getLong(1), rows.getString(2), rows.getString(3)));
                }
            }
        }
        if (found.isEmpty()) {
            throw new SQLException("No certificate authority " + (aliases.isEmpty() ? "is registered" : aliases)
                    + ": start the application once on this database (demo mode registers demo-ca)");
        }
        return found;
    }

    /**
     * Moves the application's sequence past {@code count} ids and returns the first of them. The
     * application takes each value of the sequence as the last of a block of 50 ids below it.
     */
    private long reserveIds(long count) throws SQLException {
        boolean postgreSql = postgreSql();
        long first;
        try (Statement statement = connection.createStatement();
             ResultSet value = statement.executeQuery(postgreSql ? "SELECT nextval('entity_seq')"
                     : "SELECT NEXT VALUE FOR entity_seq")) {
            value.next();
            first = value.getLong(1) + 1;
        }
        long restart = first + count + 100 - (first + count) % 50;
        try (PreparedStatement restartAt = connection.prepareStatement(postgreSql
                ? "SELECT setval('entity_seq', ?, false)" : "ALTER SEQUENCE entity_seq RESTART WITH " + restart)) {
            if (postgreSql) {
                restartAt.setLong(1, restart);
            }
            restartAt.execute();
        }
        return first;
    }

    /** Fresh statistics, as the database's background analysis would have them a little later. */
    private void analyse() throws SQLException {
        try (Statement analyse = connection.createStatement()) {
            analyse.execute("ANALYZE");
        }
    }

    private boolean postgreSql() throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }
}
