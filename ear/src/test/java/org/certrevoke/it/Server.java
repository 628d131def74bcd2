package org.certrevoke.it;

/** Where the test server answers. */
public final class Server {

    private Server() {
    }

    public static String url(String path) {
        return "http://localhost:" + System.getProperty("it.http.port", "8180") + path;
    }

    public static int smtpPort() {
        return Integer.getInteger("it.smtp.port", 3025);
    }
}
