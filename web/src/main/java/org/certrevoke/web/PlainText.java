package org.certrevoke.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIViewParameter;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;

/**
 * Every text a page receives, form field or URL parameter: no control characters (line breaks and tabs
 * aside, for the text areas). Nobody types them, and one of them (NUL) is refused by PostgreSQL in any
 * query or row, so a field holding it would otherwise end in a server error rather than a message. A form
 * field gets the message next to it; a URL parameter holding one counts as absent (the page then says it
 * does not know the certificate, as for any other unknown serial).
 */
@FacesConverter(forClass = String.class)
public class PlainText implements Converter<String> {

    @Override
    public String getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.chars().noneMatch(PlainText::control)) {
            return value;
        }
        if (component instanceof UIViewParameter) {
            return null;
        }
        String text = context.getApplication().getResourceBundle(context, "msg").getString("input.controlCharacters");
        throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, String value) {
        return value == null ? "" : value;
    }

    private static boolean control(int c) {
        return Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
    }
}
