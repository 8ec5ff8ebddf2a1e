package com.verdict.base.ui;

import com.vaadin.flow.component.Html;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Markdown from interactions (model output, imported text) rendered on the server so that it is data,
 * never code: raw HTML in it is shown as text, URLs are sanitised, images are shown as their description
 * (a judge's browser loads nothing from outside), and line breaks are kept.
 */
public class SafeMarkdown extends Html {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .softbreak("<br>\n")
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("rel", "nofollow noopener noreferrer");
                    attributes.put("target", "_blank");
                    // The renderer empties javascript: and the like, but keeps data: URLs; only web and mail stay.
                    if (!webOrMail(attributes.get("href"))) {
                        attributes.remove("href");
                    }
                }
            })
            .nodeRendererFactory(ImageAsText::new)
            .build();

    public SafeMarkdown(String markdown) {
        super("<div class=\"verdict-markdown\">" + render(markdown) + "</div>");
    }

    /** The HTML for this Markdown: only the elements Markdown itself makes. */
    static String render(String markdown) {
        return RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
    }

    /** A link to a web page or a mail address, or one with no scheme (relative, or to a heading of the page). */
    private static boolean webOrMail(String href) {
        if (href == null) {
            return true;
        }
        String lower = href.strip().toLowerCase(Locale.ROOT);
        int colon = lower.indexOf(':');
        boolean schemeless = colon < 0 || lower.substring(0, colon).matches(".*[/?#].*");
        return schemeless || lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:");
    }

    /** Writes an image as "[image: description]" instead of an element that would load it. */
    private static final class ImageAsText implements NodeRenderer {

        private final HtmlWriter html;

        ImageAsText(HtmlNodeRendererContext context) {
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            StringBuilder description = new StringBuilder();
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Text text) {
                    description.append(text.getLiteral());
                }
            }
            html.tag("span", Map.of("class", "verdict-image-placeholder"));
            html.text("[image" + (description.isEmpty() ? "" : ": " + description) + "]");
            html.tag("/span");
        }
    }
}
