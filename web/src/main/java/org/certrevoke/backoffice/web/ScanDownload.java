package org.certrevoke.backoffice.web;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.certrevoke.backoffice.boundary.PendingRequests;
import org.certrevoke.backoffice.control.StoredScan;
import org.certrevoke.backoffice.entity.RequestRefusedException;
import org.certrevoke.web.ClientAddress;

/**
 * The scanned form of a postal request, as an attachment: a browser must never display a file an outsider
 * wrote inside our origin. Under /backoffice/operateur/, so only operators get here, and the boundary
 * checks the role again and audits the download.
 */
@WebServlet("/backoffice/operateur/scan")
public class ScanDownload extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    PendingRequests pending;

    @Inject
    ClientAddress clientAddress;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id;
        try {
            id = Long.parseLong(request.getParameter("demande"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        StoredScan scan;
        try {
            scan = pending.scan(id, clientAddress.get());
        } catch (RequestRefusedException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (EJBAccessException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.setContentType(scan.contentType());
        response.setContentLengthLong(scan.content().length);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + scan.downloadName() + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(scan.content());
    }
}
