package org.certrevoke.enterprise.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.certrevoke.enterprise.boundary.EnterpriseCertificates;
import org.certrevoke.enterprise.control.LoginRefusedException;
import org.certrevoke.registry.entity.RevocationRefusedException;
import org.certrevoke.revocation.control.UnknownCertificateException;
import org.certrevoke.web.ClientAddress;
import org.certrevoke.web.PdfDownload;

/**
 * {@code GET /entreprise/formulaire-revocation.pdf?serial=…}: the revocation request form filled in
 * with one of the organisation's valid certificates and the representative as signatory. Behind
 * {@link EnterpriseGate}; another organisation's certificate is "not found", like an unknown one.
 */
@WebServlet("/entreprise/formulaire-revocation.pdf")
public class FormulaireRevocation extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    EnterpriseCertificates certificates;

    @Inject
    EnterpriseSession session;

    @Inject
    ClientAddress clientAddress;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String serial = request.getParameter("serial");
        if (!session.isAuthenticated() || !PdfDownload.wellFormedSerial(serial)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            PdfDownload.send(response, certificates.postalForm(session.getRepresentative().id(), serial,
                    PdfDownload.locale(request), clientAddress.get()));
        } catch (UnknownCertificateException | RevocationRefusedException | LoginRefusedException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
