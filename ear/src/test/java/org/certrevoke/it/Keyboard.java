package org.certrevoke.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * A visitor with a keyboard only: Tab, Shift-Tab, Enter, Space, arrows and typing into whatever has the
 * focus; never a click. Every element the focus reaches must show it (an outline or a ring of 2 px at least).
 */
public final class Keyboard {

    private static final int MOST_TABS = 80;

    private static final String FOCUSED = "const e = document.activeElement;"
            + "return e && e !== document.body ? (e.id || e.getAttribute('name') || e.tagName) : '';";

    /** Whether the focused element shows the focus: an outline, or a ring drawn as a box shadow. */
    private static final String FOCUS_SHOWN = "const e = document.activeElement; const s = getComputedStyle(e);"
            + "return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';";

    private final Browser browser;

    public Keyboard(Browser browser) {
        this.browser = browser;
    }

    public Keyboard press(CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
        return this;
    }

    /** Presses Tab until the element with that id has the focus, and checks that the focus shows. */
    public Keyboard tabTo(String id) {
        return move(id, Keys.TAB);
    }

    /** Presses Shift-Tab until the element with that id has the focus. */
    public Keyboard shiftTabTo(String id) {
        return move(id, Keys.chord(Keys.SHIFT, Keys.TAB));
    }

    private Keyboard move(String id, CharSequence key) {
        for (int i = 0; i < MOST_TABS; i++) {
            if (id.equals(focused())) {
                assertTrue(Boolean.TRUE.equals(js(FOCUS_SHOWN)), "the focus on " + id + " is visible");
                return this;
            }
            press(key);
        }
        browser.screenshot("keyboard-missing-" + id.replaceAll("[^A-Za-z0-9]+", "_"));
        return fail(id + " never got the focus; last focused: " + focused());
    }

    /** Types into the focused field. */
    public Keyboard type(String text) {
        return press(text);
    }

    /** Moves through the focused drop-down list with the arrow keys until that option is chosen. */
    public Keyboard arrowTo(String label) {
        for (int i = 0; i < 30; i++) {
            if (label.equals(js("const e = document.activeElement; return e.options[e.selectedIndex].text;"))) {
                browser.settle();
                return this;
            }
            press(Keys.ARROW_DOWN);
            browser.settle();
        }
        return fail(label + " is not among the options of " + focused());
    }

    public String focused() {
        return String.valueOf(js(FOCUSED));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }
}
