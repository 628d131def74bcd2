package org.certrevoke.load;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The credentials of a loaded set, as CSV files the load tests feed on (first line the column names):
 * {@code holders.csv} (holders with a valid certificate: what the search and the cancellation page ask),
 * {@code organisations.csv} (every organisation, its representative's address and size),
 * {@code certificates.csv} (a sample of every state, for status reads and OCSP), and
 * {@code secrets.csv} (the answers, access key and cancellation code every synthetic person shares).
 * These are test data: every holder of the set has the same answers.
 */
public final class SampleCredentials {

    private SampleCredentials() {
    }

    public static void write(LoadedSet set, Path directory) throws IOException {
        Files.createDirectories(directory);
        write(directory.resolve("holders.csv"), "email,idDocumentNumber,firstName,lastName,organisation,serial,type",
                set.holderSamples(), holder -> csv(holder.email(), holder.idDocumentNumber(), holder.firstName(),
                        holder.lastName(), holder.organisation(), holder.validSerial(), holder.type()));
        write(directory.resolve("organisations.csv"), "identifier,name,representativeEmail,certificates",
                set.organisationList(), org -> csv(org.identifier(), org.name(), org.representativeEmail(),
                        Integer.toString(org.certificates())));
        write(directory.resolve("certificates.csv"), "ca,serial,state", set.certificateSamples(),
                certificate -> csv(certificate.authority(), certificate.serial(), certificate.state()));
        write(directory.resolve("secrets.csv"), "answer1,answer2,answer3,accessKey,cancellationCode",
                List.of(set.secrets()), secrets -> csv(secrets.answers().get(0), secrets.answers().get(1),
                        secrets.answers().get(2), secrets.accessKey(), secrets.cancellationCode()));
    }

    private static <T> void write(Path file, String header, List<T> rows, Function<T, String> line) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header);
            out.write('\n');
            for (T row : rows) {
                out.write(line.apply(row));
                out.write('\n');
            }
        }
    }

    private static String csv(String... values) {
        StringBuilder line = new StringBuilder();
        for (String value : values) {
            if (line.length() > 0) {
                line.append(',');
            }
            boolean quote = value.contains(",") || value.contains("\"");
            line.append(quote ? '"' + value.replace("\"", "\"\"") + '"' : value);
        }
        return line.toString();
    }
}
