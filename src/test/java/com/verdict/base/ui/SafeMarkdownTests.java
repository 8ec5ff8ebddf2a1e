package com.verdict.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

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
}
