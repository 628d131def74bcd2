package org.certrevoke.it;

import java.io.File;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The EAR that Maven built, deployed as it is for client tests, or with test classes added to its
 * WAR for tests that run inside the server against the real database.
 */
public final class Deployments {

    private static final String WAR = "web.war";
    private static final String EJB_JAR = "ejb.jar";

    private Deployments() {
    }

    public static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("it.ear")));
    }

    /** The EAR for client tests, with test-only classes (servlets the test calls) added to its WAR. */
    public static EnterpriseArchive earWithWebClasses(Class<?>... classes) {
        EnterpriseArchive ear = ear();
        WebArchive war = ear.getAsType(WebArchive.class, WAR);
        war.addClasses(classes);
        ear.delete(WAR);
        ear.addAsModule(war);
        return ear;
    }

    public static EnterpriseArchive earWith(Class<?>... testClasses) {
        EnterpriseArchive ear = ear();
        WebArchive war = ear.getAsType(WebArchive.class, WAR);
        war.addClasses(testClasses);
        // Staff authenticates against the deployment's Elytron domain; tests may change the server's
        // configuration through its management API
        war.setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: org.wildfly.security.elytron,"
                + " org.jboss.as.controller-client, org.jboss.dmr\n"));
        ear.delete(WAR);
        ear.addAsModule(Testable.archiveToTest(war));
        return ear;
    }

    /** The same, with {@link TestClock} in the EJB module: the test moves the server's clock. */
    public static EnterpriseArchive earWithTestClock(Class<?>... testClasses) {
        EnterpriseArchive ear = earWith(testClasses);
        JavaArchive ejb = ear.getAsType(JavaArchive.class, EJB_JAR);
        ejb.addClass(TestClock.class);
        ear.delete(EJB_JAR);
        ear.addAsModule(ejb);
        return ear;
    }

    /**
     * The same EAR with the data loader (module {@code load}) in its WAR, to be run on the server's database;
     * the WAR stays the one a test running inside the server is added to.
     */
    public static EnterpriseArchive withDataLoader(EnterpriseArchive ear) {
        WebArchive war = ear.getAsType(WebArchive.class, WAR);
        war.addPackages(false, path -> !path.get().endsWith("IT.class"), "org.certrevoke.load");
        ear.delete(WAR);
        ear.addAsModule(Testable.archiveToTest(war));
        return ear;
    }
}
