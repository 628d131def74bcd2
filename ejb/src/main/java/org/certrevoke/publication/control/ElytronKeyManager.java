package org.certrevoke.publication.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.X509KeyManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.as.server.CurrentServiceContainer;
import org.jboss.msc.service.ServiceController;
import org.jboss.msc.service.ServiceName;

/**
 * The Elytron key manager the admin configures in WildFly ({@code /subsystem=elytron/key-manager=…} over a
 * {@code key-store} of type PKCS12 or PKCS11): each CA's key entry is found under the CA's alias. The key
 * manager holds the key store's passwords, so the application never sees them; with PKCS#11 the private
 * key stays in the token and only a handle reaches us.
 */
@ApplicationScoped
public class ElytronKeyManager {

    private static final String CAPABILITY = "org.wildfly.security.key-manager";

    @Inject
    @ConfigProperty(name = "certrevoke.signing.key-manager", defaultValue = "certrevoke-signing")
    String name;

    public String name() {
        return name;
    }

    /** The key and certificate under that alias, or empty when the key manager or the entry is missing. */
    public Optional<Entry> entry(String alias) {
        return keyManager().flatMap(manager -> {
            PrivateKey key = manager.getPrivateKey(alias);
            X509Certificate[] chain = manager.getCertificateChain(alias);
            return key == null || chain == null || chain.length == 0
                    ? Optional.empty()
                    : Optional.of(new Entry(key, chain[0]));
        });
    }

    private Optional<X509KeyManager> keyManager() {
        ServiceController<?> service = CurrentServiceContainer.getServiceContainer()
                .getService(ServiceName.parse(CAPABILITY).append(name));
        if (service == null || service.getState() != ServiceController.State.UP) {
            return Optional.empty();
        }
        return service.getValue() instanceof X509KeyManager manager ? Optional.of(manager) : Optional.empty();
    }

    public record Entry(PrivateKey key, X509Certificate certificate) {
    }
}
