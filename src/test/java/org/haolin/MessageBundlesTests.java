package org.haolin;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a person reads lives in both bundles (English and Chinese): the bundles hold the same keys,
 * every key the templates and refusals use exists, and templates carry no text of their own.
 */
class MessageBundlesTests {

    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final Path TEMPLATES = RESOURCES.resolve("templates");
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final List<String> BUNDLES = List.of("messages.properties", "messages_zh_CN.properties");

    /** #{key} and #{key(args)}. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)");
    /** #{'prefix.' + ${...}} and #messages.msg('prefix.' + ...): only the prefix is known. */
    private static final Pattern TEMPLATE_PREFIX = Pattern.compile("(?:#\\{|#messages\\.msg\\()'([A-Za-z0-9_.-]+)'\\s*\\+");
    /** #messages.msg('key') with a whole key. */
    private static final Pattern MESSAGES_CALL = Pattern.compile("#messages\\.msg\\('([A-Za-z0-9_.-]+)'\\s*[,)]");
    /** Keys Java code refuses with or resolves itself. */
    private static final Pattern JAVA_KEY = Pattern.compile(
            "(?:DomainException\\.(?:notFound|invalid|conflict|forbidden)|getMessage)\\(\\s*\"([A-Za-z0-9_.-]+)\"");

    /** The brand and the language switch are the same in every language. */
    private static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of("好邻", "Haolin", "中文", "English");
    private static final Set<String> VOID_ELEMENTS = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "source", "track", "wbr");
    /** Attributes whose content replaces the element's body, so the body is only a design-time sample. */
    private static final Pattern REPLACES_BODY = Pattern.compile("\\bth:(?:text|utext|replace|insert|remove)\\s*=");
    private static final Pattern VISIBLE_ATTRIBUTE = Pattern.compile(
            "(?<![\\w:-])(placeholder|title|alt|aria-label)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern MARKUP = Pattern.compile(
            "<(/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|([^<]+)");

    @Test
    void bothBundlesHoldTheSameKeys() throws IOException {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        for (String bundle : BUNDLES) {
            keys.put(bundle, keys(bundle));
        }
        Set<String> all = new TreeSet<>();
        keys.values().forEach(all::addAll);
        Map<String, Set<String>> missing = new LinkedHashMap<>();
        keys.forEach((bundle, present) -> {
            Set<String> absent = new TreeSet<>(all);
            absent.removeAll(present);
            if (!absent.isEmpty()) {
                missing.put(bundle, absent);
            }
        });
        assertThat(missing).as("keys missing per bundle").isEmpty();
    }

    /** Enums the pages label by a key prefix (the template check only sees the prefix). */
    @Test
    void everyAuditActionHasALabel() throws IOException {
        for (String bundle : BUNDLES) {
            Set<String> present = keys(bundle);
            assertThat(Stream.of(org.haolin.access.AuditAction.values()).map(a -> "audit.action." + a))
                    .as(bundle).allMatch(present::contains);
        }
    }

    @Test
    void noBundleDefinesAKeyTwice() throws IOException {
        for (String bundle : BUNDLES) {
            Set<String> seen = new TreeSet<>();
            Set<String> twice = new TreeSet<>();
            for (String line : Files.readAllLines(RESOURCES.resolve(bundle), StandardCharsets.UTF_8)) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#") && trimmed.contains("=")) {
                    String key = trimmed.substring(0, trimmed.indexOf('=')).strip();
                    if (!seen.add(key)) {
                        twice.add(key);
                    }
                }
            }
            assertThat(twice).as("keys defined twice in " + bundle).isEmpty();
        }
    }

    @Test
    void everyKeyTheTemplatesUseExistsInBothBundles() throws IOException {
        Map<String, List<String>> unknown = new LinkedHashMap<>();
        for (String bundle : BUNDLES) {
            Set<String> keys = keys(bundle);
            for (Path template : templates()) {
                String html = Files.readString(template);
                List<String> problems = new ArrayList<>();
                for (String key : matches(TEMPLATE_KEY, html)) {
                    if (!keys.contains(key)) {
                        problems.add(key);
                    }
                }
                for (String key : matches(MESSAGES_CALL, html)) {
                    if (!keys.contains(key)) {
                        problems.add(key);
                    }
                }
                for (String prefix : matches(TEMPLATE_PREFIX, html)) {
                    if (keys.stream().noneMatch(k -> k.startsWith(prefix))) {
                        problems.add(prefix + "*");
                    }
                }
                if (!problems.isEmpty()) {
                    unknown.put(bundle + " for " + TEMPLATES.relativize(template), problems);
                }
            }
        }
        assertThat(unknown).as("message keys used in templates but missing from a bundle").isEmpty();
    }

    @Test
    void everyKeyTheJavaCodeRefusesOrSpeaksWithExistsInBothBundles() throws IOException {
        Map<String, List<String>> unknown = new LinkedHashMap<>();
        for (String bundle : BUNDLES) {
            Set<String> keys = keys(bundle);
            try (Stream<Path> files = Files.walk(SOURCES)) {
                for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    List<String> problems = matches(JAVA_KEY, Files.readString(source)).stream()
                            .filter(key -> !known(keys, key)).toList();
                    if (!problems.isEmpty()) {
                        unknown.put(bundle + " for " + SOURCES.relativize(source), problems);
                    }
                }
            }
        }
        assertThat(unknown).as("message keys used in Java code but missing from a bundle").isEmpty();
    }

    /** A literal ending in a dot is a prefix completed at run time ("status." + status): some key must start so. */
    private static boolean known(Set<String> keys, String key) {
        return key.endsWith(".") ? keys.stream().anyMatch(k -> k.startsWith(key)) : keys.contains(key);
    }

    @Test
    void templatesShowNoTextOfTheirOwn() throws IOException {
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (Path template : templates()) {
            List<String> texts = ownTexts(Files.readString(template));
            if (!texts.isEmpty()) {
                found.put(TEMPLATES.relativize(template).toString(), texts);
            }
        }
        assertThat(found).as("visible text in templates outside th:text and #{...}").isEmpty();
    }

    @Test
    void theTextCheckFindsHardCodedTextAndIgnoresSamples() {
        assertThat(ownTexts("""
                <!DOCTYPE html>
                <html th:replace="~{fragments/layout :: page(~{::title}, ~{::main})}">
                <main th:if="${a > b}">
                  <h1 th:text="#{title}">Sample <b>bold sample</b></h1>
                  <p>Written here</p>
                  <input placeholder="Name" th:aria-label="#{name}"><br>
                  <!-- a comment -->
                  <span th:title="#{x}" title="sample">·</span> 好邻
                </main></html>
                """)).containsExactly("Written here", "placeholder=\"Name\"");
    }

    /**
     * Text a reader would see as written: text in elements whose body no th:text (or the like) replaces,
     * and visible attributes without a th: counterpart. The page's own th:replace onto the layout does
     * not count, as the layout renders the page's title and main with their contents.
     */
    static List<String> ownTexts(String template) {
        String html = template.replaceAll("(?s)<!--.*?-->", "").replaceAll("(?i)<!DOCTYPE[^>]*>", "");
        List<String> found = new ArrayList<>();
        Deque<Boolean> replaced = new ArrayDeque<>();
        Matcher m = MARKUP.matcher(html);
        while (m.find()) {
            if (m.group(4) != null) {
                String text = m.group(4).strip();
                if (!replaced.contains(true) && hasLetter(text) && !SAME_IN_EVERY_LANGUAGE.contains(text)) {
                    found.add(text);
                }
                continue;
            }
            String element = m.group(2).toLowerCase();
            String attributes = m.group(3);
            if (!m.group(1).isEmpty()) {
                if (!VOID_ELEMENTS.contains(element) && !replaced.isEmpty()) {
                    replaced.pop();
                }
                continue;
            }
            Matcher visible = VISIBLE_ATTRIBUTE.matcher(attributes);
            while (visible.find()) {
                if (hasLetter(visible.group(2)) && !attributes.contains("th:" + visible.group(1) + "=")) {
                    found.add(visible.group(1) + "=\"" + visible.group(2) + "\"");
                }
            }
            if (!VOID_ELEMENTS.contains(element) && !attributes.endsWith("/")) {
                boolean layoutCall = element.equals("html");
                replaced.push(!layoutCall && REPLACES_BODY.matcher(attributes).find()
                        || element.equals("script") || element.equals("style"));
            }
        }
        return found;
    }

    private static boolean hasLetter(String text) {
        return text.codePoints().anyMatch(Character::isLetter);
    }

    private static Set<String> keys(String bundle) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(bundle), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties.stringPropertyNames();
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
