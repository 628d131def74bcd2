package org.certrevoke.demo.control;

/** What the demo run prints once deployed: where to click and the public demo secrets. */
final class DemoBanner {

    private DemoBanner() {
    }

    static String text(String publicUrl) {
        return """

                ==================================================================================
                 certrevoke DEMO MODE (public demo data, the same as in README.md; never in production)

                 Holder revocation : %1$s/view/certificats/recherche.jsf
                 Cancellation code : %1$s/view/certificats/annulation.jsf
                 Enterprise area   : %1$s/auth/login.jsf   ORG-TAILLAN / 48213907561284930172
                 Back office       : %1$s/backoffice/
                                     operator marie.operatrice / Operatrice-Demo-2026
                                     auditor  jean.auditeur / Auditeur-Demo-2026
                 Demo mailbox      : %1$s/demo/mailbox   (every e-mail the application sends)
                 CRL and OCSP      : %1$s/crl/demo-ca.crl   %1$s/ocsp
                 Health checks     : http://localhost:%2$d/health/ready   (management interface)

                 Claire Martin  claire.martin@garage-taillan.example  ID FR-123456789
                                answers: Quimper / 14h30 / Le Goff
                 Yann Le Bihan  yann.lebihan@garage-taillan.example   ID FR-987654321
                                answers: Brest / 08h15 / Tanguy
                 More demo holders, and the organisations' secrets: README.md, "Demo data".
                ==================================================================================
                """.formatted(publicUrl, 9990 + Integer.getInteger("jboss.socket.binding.port-offset", 0));
    }
}
