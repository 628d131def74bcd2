package org.certrevoke.web;

import jakarta.faces.application.Resource;
import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ResourceHandlerWrapper;
import jakarta.faces.application.ResourceWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's own resources (those without a library, such as {@code css/certrevoke.css}) are
 * addressed with {@code v=} and the start of their content's SHA-256, so that browsers may keep them a year
 * (configure.cli) and still fetch a changed one at once. PrimeFaces' carry its release already.
 */
public class VersionedResources extends ResourceHandlerWrapper {

    private final Map<String, String> versions = new ConcurrentHashMap<>();

    public VersionedResources(ResourceHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Resource createResource(String resourceName, String libraryName) {
        Resource resource = super.createResource(resourceName, libraryName);
        return resource == null || libraryName != null ? resource : new Versioned(resource);
    }

    @Override
    public Resource createResource(String resourceName) {
        return createResource(resourceName, (String) null);
    }

    private final class Versioned extends ResourceWrapper {

        Versioned(Resource wrapped) {
            super(wrapped);
        }

        @Override
        public String getRequestPath() {
            String path = super.getRequestPath();
            if (path.contains("v=")) {
                return path;
            }
            String version = versions.computeIfAbsent(getResourceName(), name -> digest(getWrapped()));
            return path + (path.contains("?") ? "&" : "?") + "v=" + version;
        }
    }

    private static String digest(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()), 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
