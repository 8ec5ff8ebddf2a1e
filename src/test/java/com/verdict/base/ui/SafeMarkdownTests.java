package com.verdict.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.verdict.base.Words;
import org.junit.jupiter.api.Test;

class SafeMarkdownTests {

    @Test
    void rawHtmlIsShownAsText() {
        String html = SafeMarkdown.render("Try <script>alert('hi')</script> and <img src=x onerror=alert(1)>\n\n"
                + "<style>body{display:none}</style>\n\n<form action=/x><input name=y></form><svg onload=alert(1)>");

        assertThat(html).doesNotContain("<script", "<img", "<style", "<form", "<input", "<svg")
                .contains("&lt;script&gt;alert('hi')&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("&lt;style&gt;body{display:none}&lt;/style&gt;");
    }

    @Test
    void scriptUrlsAreDroppedAndLinksOpenApart() {
        String html = SafeMarkdown.render("[bad](javascript:alert(1)) and [good](https://example.org/docs)");

        assertThat(html).doesNotContain("javascript:")
                .contains("href=\"https://example.org/docs\"")
                .contains("rel=\"nofollow noopener noreferrer\"");
    }

    @Test
    void imagesAreDescribedNotLoaded() {
        assertThat(SafeMarkdown.render("![a cat](https://tracker.example/cat.png)"))
                .doesNotContain("<img", "tracker.example")
                .contains("[image: a cat]");
    }

    @Test
    void markdownStillRenders() {
        String html = SafeMarkdown.render("**Steps**\n\n1. one\n2. two\n\n```html\n<b>x</b>\n```\n\nRoses are red\nviolets blue");

        assertThat(html).contains("<strong>Steps</strong>", "<ol>", "<li>one</li>")
                .contains("<code class=\"language-html\">&lt;b&gt;x&lt;/b&gt;")
                .contains("Roses are red<br>");
    }

    @Test
    void onlyWebAndMailLinksKeepTheirTarget() {
        String html = SafeMarkdown.render("[a](data:text/html;base64,PHNjcmlwdD4=) [b](mailto:x@example.org) "
                + "[c](#top) [d](docs/page.html) [e](vbscript:msgbox)");

        assertThat(html).doesNotContain("data:").doesNotContain("vbscript:").contains("href=\"mailto:x@example.org\"")
                .contains("href=\"#top\"").contains("href=\"docs/page.html\"");
    }

    @Test
    void aLiteralNameRendersAsTheTextItIs() {
        String html = SafeMarkdown.render(Words.markdownLiteral("[Reset your password](https://evil.example) *now*"));

        assertThat(html).doesNotContain("<a").doesNotContain("<em>")
                .contains("[Reset your password](https://evil.example) *now*");
    }
}
