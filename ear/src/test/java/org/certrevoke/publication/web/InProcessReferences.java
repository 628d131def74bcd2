package org.certrevoke.publication.web;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * What {@link OcspLoadBench} compares the server with, measured in its own process on two threads: bare
 * ECDSA P-256 signatures, and whole OCSP answers made with Bouncy Castle's classes.
 */
final class InProcessReferences {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private InProcessReferences() {
    }

    /**
     * Signatures per second of two threads signing 300 bytes with ECDSA P-256 on Bouncy Castle, as the
     * responder does, and the CPU time each took (which, unlike the rate, the machine's load barely changes).
     */
    static double[] signingCeiling() throws Exception {
        KeyPair keys = p256();
        byte[] data = new byte[300];
        return twoThreads(() -> {
            Signature signature = Signature.getInstance("SHA256withECDSA", BC);
            return () -> {
                signature.initSign(keys.getPrivate());
                signature.update(data);
                signature.sign();
            };
        });
    }

    /**
     * The in-process reference of the issue: responses per second of two threads doing with Bouncy Castle's
     * classes what a responder does for a request with nonce (parse it, look its certificate up in a map,
     * build, sign and encode the answer with the responder certificate), and the CPU time of each.
     */
    static double[] ocsp(X509CertificateHolder ca, Supplier<byte[]> withNonce) throws Exception {
        KeyPair keys = p256();
        DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().setProvider(BC).build();
        RespID responder = new RespID(SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()),
                digests.get(RespID.HASH_SHA1));
        byte[][] requests = new byte[1024][];
        Arrays.setAll(requests, i -> withNonce.get());
        Map<ByteBuffer, CertificateStatus> statuses = new HashMap<>();
        statuses.put(ByteBuffer.wrap(new OCSPReq(requests[0]).getRequestList()[0].getCertID().toASN1Primitive()
                .getEncoded()), new UnknownStatus());
        X509CertificateHolder[] chain = {ca};
        return twoThreads(() -> {
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC).build(keys.getPrivate());
            int[] next = {0};
            return () -> {
                OCSPReq request = new OCSPReq(requests[next[0]++ % requests.length]);
                Req single = request.getRequestList()[0];
                CertificateStatus status = statuses.get(ByteBuffer.wrap(single.getCertID().toASN1Primitive().getEncoded()));
                Date now = new Date(System.currentTimeMillis() / 1000 * 1000);
                BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(responder)
                        .addResponse(single.getCertID(), status, now, null, null)
                        .setResponseExtensions(new Extensions(request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce)));
                new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, builder.build(signer, chain, now)).getEncoded();
            };
        });
    }

    /** Something to do over and over, made once per thread. */
    private interface Work {
        Step start() throws Exception;
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Operations per second of two threads repeating a step for 3 s, and the CPU time of each, in µs. */
    private static double[] twoThreads(Work work) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<long[]>> counts = new ArrayList<>();
        long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        for (int t = 0; t < 2; t++) {
            counts.add(threads.submit(() -> {
                ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
                Step step = work.start();
                long cpuStart = cpu.getCurrentThreadCpuTime();
                long count = 0;
                while (System.nanoTime() < end) {
                    step.run();
                    count++;
                }
                return new long[] {count, cpu.getCurrentThreadCpuTime() - cpuStart};
            }));
        }
        long total = 0;
        long cpuNanos = 0;
        for (Future<long[]> count : counts) {
            total += count.get()[0];
            cpuNanos += count.get()[1];
        }
        threads.shutdown();
        return new double[] {total / 3.0, cpuNanos / 1e3 / total};
    }

    private static KeyPair p256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
