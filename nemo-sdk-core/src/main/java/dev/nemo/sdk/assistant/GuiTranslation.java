package dev.nemo.sdk.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Agent text with its GUI phrasing recognised: the {@link GuiHint}s, the client actions they
 * stand for, and a neutral rewrite for users who have no GUI. Immutable.
 */
public final class GuiTranslation {
    private final String original;
    private final String text;
    private final List<GuiHint> hints;

    /**
     * Creates it from its parts.
     *
     * @param original the agent text
     * @param text     the rewrite
     * @param hints    the phrases found, in order
     */
    public GuiTranslation(String original, String text, List<GuiHint> hints) {
        this.original = Objects.requireNonNull(original, "original");
        this.text = Objects.requireNonNull(text, "text");
        this.hints = List.copyOf(hints);
    }

    /** {@return the agent text as received} */
    public String original() {
        return original;
    }

    /**
     * {@return the text with every sentence that holds GUI phrasing replaced by a neutral sentence (English, or Chinese for a Chinese sentence); equal to {@link #original()} when there is none}
     */
    public String text() {
        return text;
    }

    /** {@return the GUI phrases found, in text order} */
    public List<GuiHint> hints() {
        return hints;
    }

    /** {@return the distinct actions the phrases stand for, in text order} */
    public List<GuiAction> actions() {
        List<GuiAction> out = new ArrayList<>();
        for (GuiHint h : hints) {
            if (!out.contains(h.action())) {
                out.add(h.action());
            }
        }
        return List.copyOf(out);
    }

    /** {@return whether any GUI phrasing was found} */
    public boolean hasGuiPhrasing() {
        return !hints.isEmpty();
    }

    @Override
    public String toString() {
        return "GuiTranslation{actions=" + actions() + ", text=" + text + '}';
    }
}
