package org.certrevoke.it;

import java.io.File;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The EAR that Maven built, deployed as it is for client tests, or with test classes added to its
 * WAR for tests that run inside the server against the real database.
 */
public final class Deployments {

    private static final String WAR = "web.war";

    private Deployments() {
    }

    public static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("it.ear")));
    }

    public static EnterpriseArchive earWith(Class<?>... testClasses) {
        EnterpriseArchive ear = ear();
        WebArchive war = ear.getAsType(WebArchive.class, WAR);
        war.addClasses(testClasses);
        ear.delete(WAR);
        ear.addAsModule(Testable.archiveToTest(war));
        return ear;
    }
}
