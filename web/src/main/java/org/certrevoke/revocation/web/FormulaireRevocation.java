package org.certrevoke.revocation.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.certrevoke.registry.entity.RevocationRefusedException;
import org.certrevoke.revocation.boundary.PostalForms;
import org.certrevoke.revocation.control.HolderQuery;
import org.certrevoke.revocation.control.UnknownCertificateException;
import org.certrevoke.web.ClientAddress;
import org.certrevoke.web.PdfDownload;

/**
 * {@code GET /view/certificats/formulaire-revocation.pdf}: the revocation request form to send by
 * post, blank, or with {@code serial} filled in from a certificate this visitor's own search found.
 * Without a search in this session, a serial that is not the holder's, or one that cannot be revoked
 * any more, the answer is the same "not found" with no data.
 */
@WebServlet("/view/certificats/formulaire-revocation.pdf")
public class FormulaireRevocation extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    PostalForms forms;

    @Inject
    HolderSearchSession search;

    @Inject
    ClientAddress clientAddress;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String serial = request.getParameter("serial");
        if (serial == null) {
            PdfDownload.send(response, forms.blank(PdfDownload.locale(request)));
            return;
        }
        HolderQuery query = request.getSession(false) == null ? null : search.query();
        if (query == null || !PdfDownload.wellFormedSerial(serial)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            PdfDownload.send(response, forms.forHolder(query, serial, PdfDownload.locale(request), clientAddress.get()));
        } catch (UnknownCertificateException | RevocationRefusedException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
