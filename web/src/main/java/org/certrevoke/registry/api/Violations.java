package org.certrevoke.registry.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request the constraints of its records or path refused, answered as one problem that names every
 * field as the caller wrote it ({@code holder.questions[0].answer}, {@code serial}) and what it must be.
 * Missing fields are {@code missing-field}, anything else {@code invalid-field}; the value itself is never
 * repeated, so nothing the caller sent comes back.
 */
@Provider
public class Violations implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException refused) {
        Set<String> missing = new TreeSet<>();
        Set<String> invalid = new TreeSet<>();
        for (ConstraintViolation<?> violation : refused.getConstraintViolations()) {
            String field = field(violation);
            Class<? extends Annotation> constraint = violation.getConstraintDescriptor().getAnnotation().annotationType();
            if (constraint == NotNull.class || constraint == NotBlank.class) {
                missing.add(field);
            } else {
                invalid.add(field + " " + violation.getMessage());
            }
        }
        if (!missing.isEmpty()) {
            return Problem.of(Response.Status.BAD_REQUEST, "missing-field", "Missing field",
                    "Missing: " + String.join(", ", missing) + ".").toResponse();
        }
        return Problem.of(Response.Status.BAD_REQUEST, "invalid-field", "Invalid field",
                String.join("; ", invalid) + ".").toResponse();
    }

    /** The field's name in the JSON body, or the name of the path parameter. */
    static String field(ConstraintViolation<?> violation) {
        StringBuilder name = new StringBuilder();
        String method = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = node.getName();
            } else if (node.getKind() == ElementKind.PARAMETER) {
                name.append(pathParameter(violation.getRootBeanClass(), method,
                        node.as(Path.ParameterNode.class).getParameterIndex()));
            } else if (node.getKind() == ElementKind.PROPERTY) {
                if (node.getIndex() != null && name.length() > 0) {
                    name.append('[').append(node.getIndex()).append(']');
                }
                if (name.length() > 0) {
                    name.append('.');
                }
                name.append(node.getName());
            } else if (node.getKind() == ElementKind.CONTAINER_ELEMENT && node.getIndex() != null) {
                name.append('[').append(node.getIndex()).append(']');
            }
        }
        return name.length() == 0 ? "body" : name.toString();
    }

    /** The {@link PathParam} name of a resource method's parameter; empty for the body. */
    private static String pathParameter(Class<?> resource, String method, int index) {
        return Arrays.stream(resource.getMethods()).filter(m -> m.getName().equals(method))
                .map(Method::getParameterAnnotations).filter(parameters -> parameters.length > index)
                .flatMap(parameters -> Arrays.stream(parameters[index]))
                .filter(PathParam.class::isInstance).map(annotation -> ((PathParam) annotation).value())
                .findFirst().orElse("");
    }
}
